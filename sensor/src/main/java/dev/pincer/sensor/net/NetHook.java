package dev.pincer.sensor.net;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Outbound URLs: {@code java.net.URL.openConnection} (both overloads), and
 * {@code java.net.http.HttpClient.send/sendAsync} through its implementation class
 * {@code jdk.internal.net.http.HttpClientImpl} (the public facade delegates to it).
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
                        .and(takesArgument(0, named("java.net.http.HttpRequest"))), HttpClientAdvice.class.getName()));
    }
}
