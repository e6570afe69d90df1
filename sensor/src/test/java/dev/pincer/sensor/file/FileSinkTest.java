package dev.pincer.sensor.file;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileSinkTest {
    @Test
    void openOptionsDecideTheMode() {
        assertFalse(FileSink.opensForWriting(Set.of(StandardOpenOption.READ)));
        assertFalse(FileSink.opensForWriting(Set.of()));
        assertTrue(FileSink.opensForWriting(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE)));
        assertTrue(FileSink.opensForWriting(new OpenOption[] {StandardOpenOption.APPEND}));
        assertFalse(FileSink.opensForWriting(null));
    }

    @Test
    void theJvmsOwnReadsAreSkipped() {
        assertTrue(FileSink.jvmOwnRead("/app/lib/h2.jar"));
        assertTrue(FileSink.jvmOwnRead("/app/classes/A.class"));
        assertTrue(FileSink.jvmOwnRead(System.getProperty("java.home") + "/conf/security/java.security"));
        assertFalse(FileSink.jvmOwnRead("/etc/passwd"));
    }
}
