package dev.pincer.sensor.jndi;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code InitialContext.lookup(String|Name)} and the static {@code doLookup}. */
public final class JndiAdvice {
    private JndiAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object name) {
        return Bridge.jndi(name);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
