package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.plainConnect()} (HTTP and,
 * through its delegate, HTTPS; every connect, a redirect's included): the socket connects inside
 * it are for the connection's URL.
 */
public final class UrlConnectionAdvice {
    private UrlConnectionAdvice() {
    }

    @Advice.OnMethodEnter
    static String enter(@Advice.This Object connection) {
        return Bridge.connectScope(connection);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter String previous) {
        Bridge.connectScopeEnd(previous);
    }
}
