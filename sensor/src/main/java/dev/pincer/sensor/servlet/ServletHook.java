package dev.pincer.sensor.servlet;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The request context: {@code HttpServlet.service(ServletRequest, ServletResponse)} and
 * {@code FilterChain.doFilter(ServletRequest, ServletResponse)} implementations, in both
 * {@code javax.servlet} and {@code jakarta.servlet}. The filter chain is where a container enters
 * the app, so sinks in filters get the context too. The {@code getParameter*} methods of
 * {@code ServletRequest} implementations note that the app made the container parse its parameters
 * ({@link ParameterAdvice}), so the app's own view may include them. Async servlets are not followed: work handed to
 * another thread runs without a context.
 */
public final class ServletHook implements Hook {
    @Override
    public String name() {
        return "servlet";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        String[][] apis = {{"javax", JavaxServletAdvice.class.getName()},
            {"jakarta", JakartaServletAdvice.class.getName()}};
        for (String[] api : apis) {
            String pkg = api[0] + ".servlet.";
            builder = builder
                    .type(named(pkg + "http.HttpServlet"))
                    .transform(hooks.advice().advice(named("service").and(takesArguments(2))
                            .and(takesArgument(0, named(pkg + "ServletRequest")))
                            .and(takesArgument(1, named(pkg + "ServletResponse"))), api[1]))
                    .type(Hooks.implementing(pkg + "FilterChain"))
                    .transform(hooks.advice().advice(named("doFilter").and(takesArguments(2))
                            .and(takesArgument(0, named(pkg + "ServletRequest")))
                            .and(takesArgument(1, named(pkg + "ServletResponse"))).and(not(isAbstract())), api[1]))
                    .type(Hooks.implementing(pkg + "ServletRequest"))
                    .transform(hooks.advice().advice(nameStartsWith("getParameter").and(not(isAbstract()))
                            .and(named("getParameter").or(named("getParameterMap")).or(named("getParameterNames"))
                                    .or(named("getParameterValues"))), ParameterAdvice.class.getName()));
        }
        return builder;
    }
}
