package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import java.io.File;
import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code RandomAccessFile(File, String)}: mode {@code r} reads, any other writes. */
public final class RandomAccessFileAdvice {
    private RandomAccessFileAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) File file, @Advice.Argument(1) String mode) {
        Bridge.fileOpen(file, mode != null && mode.indexOf('w') >= 0, "RandomAccessFile");
    }
}
