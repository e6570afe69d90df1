package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the {@code java.io.File} instance methods that touch the file system by the
 * file's own path: {@code exists}, {@code isFile}, {@code length}, {@code delete}, {@code mkdirs},
 * {@code listFiles}, {@code setReadable}, ... ({@link FileHook} has the list). A method that calls
 * another ({@code mkdirs} calls {@code exists} and {@code mkdir}) reports once.
 */
public final class FileMethodAdvice {
    private FileMethodAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.This Object file, @Advice.Origin("#m") String method) {
        return Bridge.fileCall(file, null, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
