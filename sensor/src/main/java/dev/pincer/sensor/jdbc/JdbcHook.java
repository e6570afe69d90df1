package dev.pincer.sensor.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * JDBC: every class implementing {@code java.sql.Statement} (its {@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeLargeUpdate}, {@code addBatch} taking the SQL text) and
 * {@code java.sql.Connection} ({@code prepareStatement}, {@code prepareCall}). Driver-agnostic:
 * H2's {@code JdbcStatement}/{@code JdbcConnection}, pool proxies and wrappers alike; a wrapper and
 * the driver it delegates to report once.
 */
public final class JdbcHook implements Hook {
    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(Hooks.implementing("java.sql.Statement"))
                .transform(hooks.advice().advice(
                        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch")
                                .and(takesArgument(0, String.class)).and(isPublic()).and(not(isAbstract())),
                        SqlAdvice.class.getName()))
                .type(Hooks.implementing("java.sql.Connection"))
                .transform(hooks.advice().advice(
                        namedOneOf("prepareStatement", "prepareCall")
                                .and(takesArgument(0, String.class)).and(isPublic()).and(not(isAbstract())),
                        SqlAdvice.class.getName()));
    }
}
