package dev.pincer.sensor.redirect;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpServletResponse.setHeader/addHeader(String, String)} implementations:
 * a {@code Location} header (any case) is a redirect; every other header returns at once.
 */
public final class HeaderAdvice {
    private HeaderAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) String name, @Advice.Argument(1) String value) {
        return Bridge.header(name, value);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
