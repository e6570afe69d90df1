package dev.pincer.sensor.internal;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** What every {@link Hook} needs: advice transformers that find the advice in the agent's loader. */
public final class Hooks {
    private final ClassLoader agentLoader;

    public Hooks(ClassLoader agentLoader) {
        this.agentLoader = agentLoader;
    }

    /**
     * A transformer for inlined advice named by class, never loaded in the agent: the advice is
     * read as bytes and may reference types only the target's loader has (the servlet API).
     */
    public AgentBuilder.Transformer.ForAdvice advice() {
        return new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
    }

    /**
     * Concrete or abstract classes (not interfaces) with {@code typeName} among their super types;
     * false, not an error, when a super type cannot be resolved.
     */
    public static ElementMatcher.Junction<TypeDescription> implementing(String typeName) {
        return failSafe(not(isInterface()).and(hasSuperType(named(typeName))));
    }
}
