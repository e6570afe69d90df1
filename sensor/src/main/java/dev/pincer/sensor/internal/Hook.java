package dev.pincer.sensor.internal;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One hooked library: its type and method matchers, and the advice it applies. Each sink package
 * has one ({@code dev.pincer.sensor.jdbc.JdbcHook}, ...); {@code Installer} lists them all.
 */
public interface Hook {
    /** A short name for logs ({@code jdbc}, {@code process}, ...). */
    String name();

    /** Adds this hook's transformations to {@code builder}. */
    AgentBuilder install(AgentBuilder builder, Hooks hooks);
}
