package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code File.createTempFile(String, String, File)}: a write into the directory the
 * app names (a {@code null} directory is the JVM's temp directory and is not checked). The JDK
 * itself refuses a prefix or suffix that is not a plain file name.
 */
public final class TempFileAdvice {
    private TempFileAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(2) Object directory) {
        return Bridge.fileCall(directory, null, "createTempFile");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
