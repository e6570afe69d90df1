package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code File.renameTo(File)}: the old name goes away ({@code delete}), the new one is written. */
public final class FileRenameAdvice {
    private FileRenameAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.This Object file, @Advice.Argument(0) Object dest) {
        return Bridge.fileCall(file, dest, "renameTo");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
