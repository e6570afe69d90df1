package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.nio.ch.SocketChannelImpl.connect(SocketAddress)}, behind
 * {@code SocketChannel.connect} and {@code SocketChannel.open(address)} (and the connections
 * {@code java.net.http.HttpClient} opens).
 */
public final class ChannelConnectAdvice {
    private ChannelConnectAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object endpoint) {
        return Bridge.connect(endpoint, "SocketChannel.connect");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
