package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.http.HttpClient.writeRequests} (every overload), the
 * connection behind {@code HttpURLConnection}: when it was reused from the keep-alive cache
 * ({@code cachedHttpClient}), no connect ran, and its address is checked before the request is
 * written.
 */
public final class KeepAliveAdvice {
    private KeepAliveAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.FieldValue("cachedHttpClient") boolean cached, @Advice.FieldValue("url") Object url,
            @Advice.FieldValue("serverSocket") Object socket) {
        Bridge.reusedConnection(cached, url, socket);
    }
}
