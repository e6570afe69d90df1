package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import java.io.File;
import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code FileInputStream(File)}, before the file is opened. */
public final class FileInputAdvice {
    private FileInputAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) File file) {
        Bridge.fileOpen(file, false, "FileInputStream");
    }
}
