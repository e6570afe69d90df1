package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pincer.e2e.bypass.Bypasses;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.RawHttp;
import dev.pincer.e2e.harness.Summary;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 7's bypasses, closed, at the default route policy ({@code protection.incomplete: reject}), through
 * Pincer (hybrid) to the demo app under the sensor, on both containers:
 * <ul>
 *   <li>framing: a {@code Connection} header naming Content-Length, Transfer-Encoding, Host,
 *       Upgrade (not a WebSocket) or a Pincer header is 400, and no request reaches the app, so the
 *       request smuggled in the body never deletes the rows; header names with {@code _} are
 *       dropped before the app sees them;</li>
 *   <li>limits: pairs, keys, parts, value length and body size at the limit are judged (403),
 *       one past it is rejected (400, 413) without reaching the app; benign traffic at the limits
 *       and a large file upload pass;</li>
 *   <li>bodies whose declared type the proxy does not parse but the app does are sniffed (403);</li>
 *   <li>a thousand dot segments do not hide the query's attack (403).</li>
 * </ul>
 * {@link DemoAppExploitableIT} proves the same shots work on the app when nothing protects it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class BypassIT {
    private static final Summary SUMMARY = new Summary("issue 7 bypasses at the default policy (reject)");
    private static final Http HTTP = new Http();
    private static PincerStack stack;
    private static Bypasses bypasses;
    private static Container current;

    @Parameter
    Container container;

    @BeforeParameterizedClassInvocation
    static void start(Container c) throws Exception {
        current = c;
        stack = PincerStack.start(c, HTTP);
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
    Stream<DynamicNode> framingTricksAreRejectedAndNothingIsSmuggled() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "framing", bypasses.framing()),
                ShotTests.through(stack, SUMMARY, container, "benign framing", bypasses.benignFraming()));
    }

    /** nginx's {@code underscores_in_headers off}: an app server may read {@code Content_Length} as {@code Content-Length}. */
    @TestFactory
    Stream<DynamicNode> headerNamesWithUnderscoresNeverReachTheApp() {
        return Stream.of("X_Demo_Flag", "Content_Length", "X_Pincer_Context", "Transfer_Encoding")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    RawHttp.Response r = RawHttp.exchange(stack.proxy, RawHttp.request("GET", "/headers")
                            .header(name, name.startsWith("Content") ? "0" : "1"));
                    boolean seen = appSaw(r, name);
                    SUMMARY.count(container, "underscore headers", "dropped", r.status() == 200 && !seen, name + " <- " + r);
                    assertEquals(200, r.status(), r.toString());
                    assertFalse(seen, "the app saw the header " + name + ": " + r);
                }));
    }

    /**
     * {@code X-Forwarded-For}, {@code X-Real-IP} and {@code Forwarded} from a client that is not a
     * trusted proxy never reach the app with the client's own address claim in them.
     */
    @TestFactory
    Stream<DynamicNode> clientAddressClaimsFromUntrustedClientsAreReplaced() {
        String forged = "203.0.113.77";
        return Stream.of(new String[] {"X-Forwarded-For", forged}, new String[] {"X-Real-IP", forged},
                new String[] {"Forwarded", "for=" + forged + ";proto=https"})
                .map(h -> DynamicTest.dynamicTest(h[0], () -> {
                    RawHttp.Response r = RawHttp.exchange(stack.proxy, RawHttp.request("GET", "/headers").header(h[0], h[1]));
                    boolean kept = r.body().contains(forged);
                    SUMMARY.count(container, "address claims", "replaced", r.status() == 200 && !kept, h[0] + " <- " + r);
                    assertEquals(200, r.status(), r.toString());
                    assertFalse(kept, "the app saw the client's own " + h[0] + ": " + r);
                }));
    }

    private static boolean appSaw(RawHttp.Response r, String header) {
        String prefix = header.toLowerCase() + ":";
        return r.body().lines().anyMatch(l -> l.startsWith(prefix));
    }

    @TestFactory
    Stream<DynamicNode> limitsRejectWhatTheyCutAndJudgeWhatTheyKeep() {
        return ShotTests.of(
                ShotTests.through(stack, SUMMARY, container, "limits", bypasses.limits()),
                ShotTests.through(stack, SUMMARY, container, "benign at limits", bypasses.benignAtLimits()));
    }

    @TestFactory
    Stream<DynamicNode> bodiesAreParsedByWhatTheyContain() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "sniffing", bypasses.sniffing()));
    }

    @TestFactory
    Stream<DynamicNode> dotSegmentsDoNotHideTheQuery() {
        return ShotTests.of(ShotTests.through(stack, SUMMARY, container, "dot segments", bypasses.pathSegments()));
    }
}
