package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A socket connect, checked as kind {@code url} (docs/sensor-protocol.md, "Sink kinds"): args
 * {@code [url]}, the URL whose connection this is ({@code ThreadState.connectUrl}, noted around
 * {@code HttpURLConnection.plainConnect}) or empty when no URL is in progress on the thread (a raw
 * socket, a client library of its own); attrs {@code api} ({@code Socket.connect},
 * {@code SocketChannel.connect}), {@code connect.ip} (the address connected to, as
 * {@code InetAddress.getHostAddress()} prints it), {@code connect.port}, {@code connect.host} (the
 * name or literal the socket was asked for, {@code InetSocketAddress.getHostString()}).
 *
 * <p>The address is the one the JDK is about to connect to, already resolved, so the correlator
 * judges what the name really pointed at, not a lookup of its own (DNS rebinding included). An
 * unresolved endpoint (only a SOCKS proxy takes one) and non-IP addresses (Unix domain sockets)
 * are not checked here. The verdict cache key holds the address too, so an allow given to the URL's
 * text never stands for an allow of the address it connected to.
 */
public final class ConnectSink {
    private ConnectSink() {
    }

    public static void check(Decider decider, ThreadState st, Object endpoint, String api) {
        if (!(endpoint instanceof InetSocketAddress)) {
            return;
        }
        InetSocketAddress a = (InetSocketAddress) endpoint;
        InetAddress ip = a.getAddress();
        if (ip == null) {
            return;
        }
        String url = st.connectUrl == null ? "" : st.connectUrl;
        String address = ip.getHostAddress();
        String port = String.valueOf(a.getPort());
        String host = a.getHostString();
        List<String> attrs = Arrays.asList("api", api, "connect.ip", address, "connect.port", port,
                "connect.host", host);
        decider.decide(st, Bridge.URL, Collections.singletonList(url), attrs);
    }
}
