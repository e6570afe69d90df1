package dev.pincer.sensor.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecSinkTest {
    @TempDir
    Path dir;

    @Test
    void resolvesThroughPathOnlyWhenItExists() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
        tool.toFile().setExecutable(true);
        String path = "/nonexistent" + File.pathSeparator + bin;
        assertEquals(tool.toString(), ExecSink.resolve("tool", null, path));
        assertEquals("", ExecSink.resolve("missing-tool", null, path));
        assertEquals("", ExecSink.resolve("tool", null, null));
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws Exception {
        Path script = Files.writeString(dir.resolve("run.sh"), "echo\n");
        assertEquals(script.toString(), ExecSink.resolve("./run.sh", dir.toFile(), null));
        assertEquals(script.toString(), ExecSink.resolve(script.toString(), null, null));
        assertEquals("", ExecSink.resolve("./nope.sh", dir.toFile(), null));
    }

    @Test
    void hashIsTheFilesSha256AndFollowsChanges() throws Exception {
        Path f = Files.writeString(dir.resolve("exe"), "one");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("one".getBytes()));
        assertEquals(expected, ExecSink.sha256(f.toString()));
        Files.writeString(f, "three");
        f.toFile().setLastModified(f.toFile().lastModified() + 5000);
        String changed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("three".getBytes()));
        assertEquals(changed, ExecSink.sha256(f.toString()));
    }
}
