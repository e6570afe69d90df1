package dev.pincer.sensor.redirect;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code HttpServletResponse.sendRedirect(String, ...)} implementations (javax and jakarta). */
public final class RedirectAdvice {
    private RedirectAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) String location) {
        return Bridge.redirect(location);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
