package dev.pincer.correlator.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking directories into a baseline: executables only, links by target, bounded. */
class BaselineBuilderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void hashesExecutablesAndRecordsLinksByTarget() throws IOException {
        Path tool = exec(dir.resolve("bin/tool"), "echo tool");
        Files.writeString(dir.resolve("bin/readme.txt"), "not executable");
        Files.createSymbolicLink(dir.resolve("bin/tool-link"), tool);
        Files.createSymbolicLink(dir.resolve("bin/loop"), dir.resolve("bin/loop"));
        Path deep = exec(dir.resolve("bin/sub/deeper/helper"), "echo helper");

        BaselineBuilder.Result r = new BaselineBuilder().build(List.of(dir.resolve("bin")));
        Map<String, ExecBaseline.Entry> byPath = r.baseline().entries().stream()
                .collect(Collectors.toMap(ExecBaseline.Entry::path, Function.identity()));

        assertEquals(3, byPath.size(), byPath.toString());
        ExecBaseline.Entry t = byPath.get(tool.toString());
        assertEquals(BaselineBuilder.sha256(tool), t.sha256());
        assertNull(t.target());
        ExecBaseline.Entry link = byPath.get(dir.resolve("bin/tool-link").toString());
        assertEquals(t.sha256(), link.sha256());
        assertEquals(tool.toRealPath().toString(), link.target());
        assertTrue(byPath.containsKey(deep.toString()));
        assertFalse(byPath.containsKey(dir.resolve("bin/readme.txt").toString()));
        assertTrue(r.skipped().stream().anyMatch(s -> s.contains("loop")), r.skipped().toString());
    }

    @Test
    void boundsFilesDepthAndSize() throws IOException {
        for (int i = 0; i < 5; i++) {
            exec(dir.resolve("many/t" + i), "echo " + i);
        }
        exec(dir.resolve("deep/a/b/c/t"), "echo deep");
        exec(dir.resolve("big/t"), "x".repeat(4096));

        assertEquals(3, new BaselineBuilder(3, 16, 1 << 20).build(List.of(dir.resolve("many"))).baseline().entries().size());
        assertEquals(0, new BaselineBuilder(100, 2, 1 << 20).build(List.of(dir.resolve("deep"))).baseline().entries().size());
        BaselineBuilder.Result big = new BaselineBuilder(100, 16, 1024).build(List.of(dir.resolve("big")));
        assertEquals(0, big.baseline().entries().size());
        assertTrue(big.skipped().get(0).contains("larger than 1024 bytes"), big.skipped().toString());
    }

    @Test
    void missingDirectoryIsSkippedNotFatal() {
        BaselineBuilder.Result r = new BaselineBuilder().build(List.of(dir.resolve("nope")));
        assertEquals(0, r.baseline().entries().size());
        assertEquals(1, r.skipped().size());
    }

    @Test
    void roundTripsThroughTheFileFormat() throws IOException {
        exec(dir.resolve("bin/a"), "echo a");
        Files.createSymbolicLink(dir.resolve("bin/b"), dir.resolve("bin/a"));
        ExecBaseline built = new BaselineBuilder().build(List.of(dir.resolve("bin"))).baseline();
        Path file = dir.resolve("baseline.txt");
        built.write(file);
        assertEquals(built.entries(), ExecBaseline.load(file).entries());
    }

    private static Path exec(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + content + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
