package dev.pincer.sensor.ldap;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * LDAP: {@code search(Name|String, String filter, ...)} on every class implementing
 * {@code javax.naming.directory.DirContext}: {@code InitialDirContext}, the JDK's
 * {@code com.sun.jndi.ldap.LdapCtx} (whose search methods it inherits from
 * {@code com.sun.jndi.toolkit.ctx.PartialCompositeDirContext}) and the {@code ldap:} URL context.
 * {@code InitialDirContext} delegating to them reports once.
 */
public final class LdapHook implements Hook {
    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(Hooks.implementing("javax.naming.directory.DirContext"))
                .transform(hooks.advice().advice(
                        named("search").and(takesArgument(1, String.class)).and(not(isAbstract())),
                        LdapAdvice.class.getName()));
    }
}
