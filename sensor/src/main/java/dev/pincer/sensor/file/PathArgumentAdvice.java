package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into methods whose first argument is the one path they touch and whose other arguments
 * do not change the mode: the one-argument {@code FileSystemProvider} methods ({@code delete},
 * {@code deleteIfExists}, {@code isHidden}, {@code exists}, ...) and
 * {@code Files.walk/find/walkFileTree} (a listing, whose nested provider calls stay silent).
 */
public final class PathArgumentAdvice {
    private PathArgumentAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object path, @Advice.Origin("#m") String method) {
        return Bridge.fileCall(path, null, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
