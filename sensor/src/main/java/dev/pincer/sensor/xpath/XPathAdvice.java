package dev.pincer.sensor.xpath;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code XPath.compile/evaluate/evaluateExpression(String, ...)} implementations. */
public final class XPathAdvice {
    private XPathAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) String expression) {
        return Bridge.xpath(expression);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
