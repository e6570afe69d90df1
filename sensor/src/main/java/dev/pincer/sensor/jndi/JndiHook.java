package dev.pincer.sensor.jndi;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * JNDI: {@code javax.naming.InitialContext.lookup(String|Name)} and {@code doLookup(String|Name)}
 * (inherited by {@code InitialDirContext} and {@code InitialLdapContext}). Always checked. An LDAP
 * search a lookup makes is silent (one report), and a deserialization it makes is still checked.
 */
public final class JndiHook implements Hook {
    @Override
    public String name() {
        return "jndi";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(named("javax.naming.InitialContext"))
                .transform(hooks.advice().advice(namedOneOf("lookup", "doLookup").and(takesArguments(1)),
                        JndiAdvice.class.getName()));
    }
}
