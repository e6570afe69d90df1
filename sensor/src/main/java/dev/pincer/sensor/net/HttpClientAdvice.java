package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jdk.internal.net.http.HttpClientImpl.send/sendAsync}, behind every
 * {@code java.net.http.HttpClient}. The request is taken as {@code Object}: the sensor is compiled
 * for Java 8, which has no {@code java.net.http}.
 */
public final class HttpClientAdvice {
    private HttpClientAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object request, @Advice.Origin("#m") String method) {
        return Bridge.url(request, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
