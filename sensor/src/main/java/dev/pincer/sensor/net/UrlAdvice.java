package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code java.net.URL.openConnection()} and {@code openConnection(Proxy)}. */
public final class UrlAdvice {
    private UrlAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.This Object url) {
        return Bridge.url(url, "openConnection");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
