package dev.pincer.sensor.xpath;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * XPath: {@code compile}, {@code evaluate} and {@code evaluateExpression} taking the expression text,
 * on every class implementing {@code javax.xml.xpath.XPath} (the JDK's
 * {@code com.sun.org.apache.xpath.internal.jaxp.XPathImpl}, Saxon's, ...).
 */
public final class XPathHook implements Hook {
    @Override
    public String name() {
        return "xpath";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        return builder
                .type(Hooks.implementing("javax.xml.xpath.XPath"))
                .transform(hooks.advice().advice(
                        namedOneOf("compile", "evaluate", "evaluateExpression")
                                .and(takesArgument(0, String.class)).and(not(isAbstract())),
                        XPathAdvice.class.getName()));
    }
}
