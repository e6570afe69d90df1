package dev.pincer.sensor.redirect;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Redirects: {@code sendRedirect(String...)} and {@code setHeader/addHeader("Location", v)} on every
 * implementation of {@code javax.servlet.http.HttpServletResponse} and
 * {@code jakarta.servlet.http.HttpServletResponse} (the container's response, wrappers too; a
 * wrapper and what it wraps report once).
 */
public final class RedirectHook implements Hook {
    @Override
    public String name() {
        return "redirect";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        for (String api : new String[] {"javax", "jakarta"}) {
            builder = builder
                    .type(Hooks.implementing(api + ".servlet.http.HttpServletResponse"))
                    .transform(hooks.advice()
                            .advice(named("sendRedirect").and(takesArgument(0, String.class)).and(not(isAbstract())),
                                    RedirectAdvice.class.getName())
                            .advice(namedOneOf("setHeader", "addHeader").and(takesArguments(String.class, String.class))
                                    .and(not(isAbstract())), HeaderAdvice.class.getName()));
        }
        return builder;
    }
}
