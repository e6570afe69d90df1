package dev.pincer.e2e;

import dev.pincer.e2e.bypass.Bypasses;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.Summary;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A route set to {@code protection: {incomplete: suspect}}: a request cut at a limit (pairs, parts, keys, value
 * length, body prefix) is forwarded, and its sinks are judged against the inputs Pincer kept and
 * by the argument alone. An attack whose syntax shows in the argument (an {@code OR '1'='1'}
 * tautology, a stacked statement, {@code ;} or {@code |} in a shell string, a {@code ..} climbing
 * out of the base) is 403 with the sink not run, even though the attack's own input was cut off;
 * benign requests past the limits reach the app and pass.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class SuspectRouteIT {
    private static final Summary SUMMARY = new Summary("issue 7: a route with incomplete: suspect");
    private static final Http HTTP = new Http();
    private static PincerStack stack;
    private static Bypasses bypasses;
    private static Container current;

    @Parameter
    Container container;

    @BeforeParameterizedClassInvocation
    static void start(Container c) throws Exception {
        current = c;
        stack = PincerStack.start(c, HTTP, "protection: {incomplete: suspect}", Map.of());
        bypasses = new Bypasses(stack.markers);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            stack = null;
            SUMMARY.print(current);
        }
    }

    @TestFactory
    Stream<DynamicNode> attacksCutOffAtALimitAreJudgedByTheArgument() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "suspect attacks", bypasses.suspect()));
    }

    @TestFactory
    Stream<DynamicNode> benignRequestsPastTheLimitsPass() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "suspect benign", bypasses.benignSuspect()));
    }
}
