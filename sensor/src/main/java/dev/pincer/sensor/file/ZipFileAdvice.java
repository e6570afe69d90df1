package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import java.io.File;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code ZipFile(File, int, Charset)}, which every {@code ZipFile} and
 * {@code JarFile} constructor reaches: a read, or a delete when the mode has {@code OPEN_DELETE}
 * (the file is removed once opened). The reads and stats the constructor then does of the same
 * file are not reported again ({@link FileSink#open}).
 */
public final class ZipFileAdvice {
    private ZipFileAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) File file, @Advice.Argument(1) int mode) {
        Bridge.fileOpen(file, (mode & 4) != 0 ? Bridge.DELETE : Bridge.READ, "ZipFile");
    }
}
