package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import java.io.File;
import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code FileOutputStream(File, boolean)}, before the file is created. */
public final class FileOutputAdvice {
    private FileOutputAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) File file) {
        Bridge.fileOpen(file, true, "FileOutputStream");
    }
}
