package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code java.net.Socket.connect(SocketAddress, int)} and the NIO socket adaptor's override. */
public final class SocketConnectAdvice {
    private SocketConnectAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object endpoint) {
        return Bridge.connect(endpoint, "Socket.connect");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
