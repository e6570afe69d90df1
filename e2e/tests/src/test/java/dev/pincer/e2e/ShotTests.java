package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.e2e.bypass.Shot;
import dev.pincer.e2e.bypass.ShotRunner;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.Summary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Turns lists of {@link Shot}s into dynamic tests: through Pincer, or straight to the app. */
final class ShotTests {
    private ShotTests() {
    }

    /** One test per shot, sent through the stack's proxy, judged by {@link ShotRunner#protectedProblems}. */
    static DynamicNode through(PincerStack stack, Summary summary, Container container, String group, List<Shot> shots) {
        ShotRunner runner = new ShotRunner(stack.http, stack.app.base(), stack.events);
        return DynamicContainer.dynamicContainer(group, shots.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            ShotRunner.Outcome o = runner.fire(stack.proxy, s);
            List<String> problems = runner.problems(s, o);
            summary.count(container, group, "held", problems.isEmpty(),
                    s.name() + ": " + String.join("; ", problems) + " <- " + o.response());
            assertTrue(problems.isEmpty(), s.request() + ": " + String.join("; ", problems) + " <- " + o.response());
        })));
    }

    /** One test per shot that works on the app itself, sent straight to it: the effect must show. */
    static DynamicNode direct(ShotRunner runner, Summary summary, Container container, String group, List<Shot> shots) {
        return DynamicContainer.dynamicContainer(group, shots.stream().filter(Shot::direct)
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    ShotRunner.Outcome o = runner.direct(s);
                    boolean ok = s.effect() == Shot.Effect.NONE ? o.response().status() == 200 : o.ran();
                    summary.count(container, group, "bypass real", ok, s.name() + " <- " + o.response());
                    assertTrue(ok, s.request() + ": " + (s.effect() == Shot.Effect.NONE
                            ? "the benign request failed" : "the attack did not take effect on the app itself")
                            + " <- " + o.response());
                })));
    }

    static Stream<DynamicNode> of(DynamicNode... nodes) {
        return Stream.of(nodes);
    }
}
