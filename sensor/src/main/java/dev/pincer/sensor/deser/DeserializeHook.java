package dev.pincer.sensor.deser;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Java deserialization: {@code java.io.ObjectInputStream.resolveClass(ObjectStreamClass)}, the JDK
 * method that turns a class name from the stream into a loaded class. Always checked.
 *
 * <p>Overrides in subclasses are deliberately not hooked at their entry: a look-ahead stream whose
 * override refuses classes outside its allowlist before calling {@code super} is doing the right
 * thing, and judging the name before it does would answer 403 where the app is safe. The class
 * reaches this hook as soon as the override delegates. An override that loads classes itself
 * without ever calling {@code super} is covered on Java 17+ by the process-wide filter
 * ({@link SerialFilterInstaller}), not by this hook (sensor/README.md, limitations).
 */
public final class DeserializeHook implements Hook {
    @Override
    public String name() {
        return "deser";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(named("java.io.ObjectInputStream"))
                .transform(hooks.advice().advice(
                        named("resolveClass").and(takesArguments(java.io.ObjectStreamClass.class))
                                .and(not(isAbstract())),
                        DeserializeAdvice.class.getName()));
    }
}
