package dev.pincer.sensor.process;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Process execution: {@code java.lang.ProcessBuilder.start}, through which {@code Runtime.exec}
 * goes, and {@code Runtime.exec(String, String[], File)}, where the string overloads split their
 * command (noted for the check, {@link RuntimeExecAdvice}).
 */
public final class ProcessHook implements Hook {
    @Override
    public String name() {
        return "process";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(named("java.lang.ProcessBuilder"))
                .transform(hooks.advice().advice(named("start").and(not(isStatic())), ProcessAdvice.class.getName()))
                .type(named("java.lang.Runtime"))
                .transform(hooks.advice().advice(named("exec").and(takesArguments(String.class, String[].class,
                        java.io.File.class)), RuntimeExecAdvice.class.getName()));
    }
}
