package dev.pincer.sensor.process;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/** Process execution: {@code java.lang.ProcessBuilder.start}, through which {@code Runtime.exec} goes. */
public final class ProcessHook implements Hook {
    @Override
    public String name() {
        return "process";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(named("java.lang.ProcessBuilder"))
                .transform(hooks.advice().advice(named("start").and(not(isStatic())), ProcessAdvice.class.getName()));
    }
}
