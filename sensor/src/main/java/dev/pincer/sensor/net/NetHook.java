package dev.pincer.sensor.net;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Outbound URLs: {@code java.net.URL.openConnection} (both overloads), and
 * {@code java.net.http.HttpClient.send/sendAsync} through its implementation class
 * {@code jdk.internal.net.http.HttpClientImpl} (the public facade delegates to it), judged by their
 * text. Then the connects themselves, judged by the address: {@code java.net.Socket.connect(
 * SocketAddress, int)} (the one-argument overload and {@code SSLSocket}s delegate to it), the NIO
 * socket adaptor's override of it, and {@code sun.nio.ch.SocketChannelImpl.connect}; and
 * {@code HttpURLConnection.plainConnect}, which tells them which URL they connect for, and its
 * {@code sun.net.www.http.HttpClient.writeRequests}, which checks a kept-alive connection reused
 * from the cache (no connect ran for it); for
 * {@code HttpClient}, whose connects run on its own threads, {@code MultiExchange} carries the
 * request's context there ({@link HttpClientContexts}).
 */
public final class NetHook implements Hook {
    @Override
    public String name() {
        return "net";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(named("java.net.URL"))
                .transform(hooks.advice().advice(named("openConnection"), UrlAdvice.class.getName()))
                .type(named("jdk.internal.net.http.HttpClientImpl"))
                .transform(hooks.advice().advice(namedOneOf("send", "sendAsync")
                        .and(takesArgument(0, named("java.net.http.HttpRequest"))), HttpClientAdvice.class.getName()))
                .type(namedOneOf("java.net.Socket", "sun.nio.ch.SocketAdaptor"))
                .transform(hooks.advice().advice(named("connect").and(takesArguments(2))
                        .and(takesArgument(0, named("java.net.SocketAddress"))).and(takesArgument(1, int.class)),
                        SocketConnectAdvice.class.getName()))
                .type(named("sun.nio.ch.SocketChannelImpl"))
                .transform(hooks.advice().advice(named("connect").and(takesArguments(1))
                        .and(takesArgument(0, named("java.net.SocketAddress"))), ChannelConnectAdvice.class.getName()))
                .type(named("jdk.internal.net.http.MultiExchange"))
                .transform(hooks.advice().advice(isConstructor(), ExchangeCreatedAdvice.class.getName())
                        .advice(named("responseAsyncImpl").and(takesArguments(0)), ExchangeAttemptAdvice.class.getName()))
                .type(named("sun.net.www.http.HttpClient"))
                .transform(hooks.advice().advice(named("writeRequests"), KeepAliveAdvice.class.getName()))
                .type(named("sun.net.www.protocol.http.HttpURLConnection"))
                .transform(hooks.advice().advice(named("plainConnect").and(takesArguments(0)),
                        UrlConnectionAdvice.class.getName()));
    }
}
