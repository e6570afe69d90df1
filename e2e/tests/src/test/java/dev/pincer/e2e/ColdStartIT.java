package dev.pincer.e2e;

import dev.pincer.e2e.bypass.Shot;
import dev.pincer.e2e.bypass.Shot.Effect;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.RawHttp;
import dev.pincer.e2e.harness.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No verdict depends on a cold path: on a fresh stack (the only request before is the exec probe
 * that shows the sensor is connected) the very first SQL check is a stacked {@code DROP TABLE},
 * and it is 403 with the table still there; then the first traversal, the first tautology, the
 * first stacked query in a form. Today's warm-up never takes the stacked-query parser path, so
 * that first check is slow, the sensor fails open and the table goes, while the proxy still
 * answers 403: the event for it must never say {@code block} when the sink ran.
 *
 * <p>Pincer runs in this JVM, and failsafe gives each suite a JVM of its own, so the first
 * container's stack is a cold start; the second shares the JVM (and so loaded classes) with it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class ColdStartIT {
    private static final Summary SUMMARY = new Summary("issue 7: the first checks after a start");
    private static final Http HTTP = new Http();
    private static PincerStack stack;
    private static Container current;

    @Parameter
    Container container;

    @BeforeParameterizedClassInvocation
    static void start(Container c) throws Exception {
        current = c;
        stack = PincerStack.start(c, HTTP);
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

    /** The first checks of each kind, in the order they must be sent (dynamic tests run in order). */
    static List<Shot> firstChecks(Path markers) {
        return List.of(
                shot("the first stacked query after a start (GET)", RawHttp.request("GET",
                        "/vuln/sql/id?id=" + Http.encode("1; DROP TABLE users")), Effect.DB),
                shot("the first traversal after a start", RawHttp.request("GET",
                        "/vuln/file?name=" + Http.encode("../secret.txt")), Effect.SECRET),
                shot("the first tautology after a start", RawHttp.request("GET",
                        "/vuln/sql/delete?name=" + Http.encode("x' OR '1'='1")), Effect.DB),
                shot("the first stacked query in a form", RawHttp.request("POST", "/vuln/sql/id")
                        .body("application/x-www-form-urlencoded", "id=" + Http.encode("2; DROP TABLE users; --")), Effect.DB));
    }

    private static Shot shot(String name, RawHttp.Request r, Effect effect) {
        return new Shot(name, r, effect, null, Set.of(403), null, true);
    }

    @TestFactory
    Stream<DynamicNode> firstChecksAfterAStartAreBlocked() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "first checks", firstChecks(stack.markers)));
    }
}
