package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.e2e.corpus.Corpus;
import dev.pincer.e2e.corpus.Corpus.Case;
import dev.pincer.e2e.corpus.Corpus.Group;
import dev.pincer.e2e.corpus.Corpus.Proof;
import dev.pincer.e2e.corpus.Corpus.Via;
import dev.pincer.e2e.harness.Attempts.Attempt;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.Json;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.Summary;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The whole product, end to end: Pincer in hybrid mode in front of the demo app, the app under the
 * sensor, on Tomcat 10 (jakarta) and Tomcat 9 (javax). Every attack on a vulnerable endpoint gets a
 * 403 naming the request id, the sink does not take effect, and exactly one security event
 * describes it; the same payloads on the safe twins pass; every benign input passes; a forged
 * {@code X-Pincer-Context} changes nothing. {@link FailModeIT} covers an unreachable correlator.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class PincerE2EIT {
    private static final Summary SUMMARY = new Summary("Pincer (hybrid) + sensor in front of the demo app");
    private static final Pattern ID_IN_BODY = Pattern.compile("request id ([A-Za-z0-9._:-]{1,128})");
    /** How long a security event may trail its 403. */
    private static final long EVENT_WAIT_MILLIS = 2000;
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

    @TestFactory
    Stream<DynamicNode> attacksAreBlockedAndSafeTwinsPass() {
        return Cases.attacks((corpus, g, c) -> {
            int hits = stack.internal.hits();
            Attempt vuln = stack.attempts.send(stack.proxy, g, c, g.path(), Map.of());
            List<String> problems = new ArrayList<>(blocked(corpus, g, c, vuln));
            if (stack.internal.hits() != hits) {
                problems.add("the internal server was reached");
            }
            hits = stack.internal.hits();
            Attempt safe = stack.attempts.send(stack.proxy, g, c, g.safePath(), Map.of());
            boolean safeOk = safe.reply().status() == g.expect() && !safe.worked() && stack.internal.hits() == hits;
            SUMMARY.count(container, corpus.attackClass(), "1.attacks blocked", problems.isEmpty(),
                    c + " " + String.join("; ", problems) + " <- " + vuln);
            SUMMARY.count(container, corpus.attackClass(), "2.safe passed", safeOk, c + " " + safe);
            assertTrue(problems.isEmpty(), String.join("; ", problems) + ": " + vuln);
            assertFalse(safe.worked(), "the attack took effect on the safe endpoint: " + safe);
            assertEquals(g.expect(), safe.reply().status(), "the safe endpoint through Pincer: " + safe);
        });
    }

    @TestFactory
    Stream<DynamicNode> benignInputsPass() {
        return Cases.benign((corpus, g, c) -> {
            Attempt a = stack.attempts.send(stack.proxy, g, c, g.path(), Map.of());
            // A benign group's @proof says the sink ran and did its ordinary work.
            boolean ran = g.proof() instanceof Proof.None || a.worked();
            boolean ok = a.reply().status() == g.expect() && ran;
            SUMMARY.count(container, "benign", "3.benign passed", ok, c + " " + a);
            assertEquals(g.expect(), a.reply().status(), a.toString());
            assertTrue(ran, "the sink did not run: " + a);
        });
    }

    /**
     * A client cannot choose its request context: a forged {@code X-Pincer-Context} (hint 0, which
     * would tell the sensor to skip the SQL, file and URL checks) is dropped by the proxy, and the
     * first case of every attack group is still blocked.
     */
    @TestFactory
    Stream<DynamicNode> forgedContextHeaderIsIgnored() {
        String forged = "1:" + "0123456789abcdef0123456789abcdef" + ":0:" + (Instant.now().getEpochSecond() + 3600)
                + ":AAAAAAAAAAAAAAAAAAAAAA";
        return Corpus.ATTACK_FILES.stream().map(Corpus::load).flatMap(corpus -> corpus.groups().stream()
                .map(g -> DynamicTest.dynamicTest(corpus.file() + " " + g.name() + " with a forged X-Pincer-Context", () -> {
                    Case c = g.cases().get(0);
                    Attempt a = stack.attempts.send(stack.proxy, g, c, g.path(), Map.of("X-Pincer-Context", forged));
                    List<String> problems = blocked(corpus, g, c, a);
                    SUMMARY.count(container, corpus.attackClass(), "4.forged ctx blocked", problems.isEmpty(),
                            c + " (forged X-Pincer-Context) " + String.join("; ", problems) + " <- " + a);
                    assertTrue(problems.isEmpty(), String.join("; ", problems) + ": " + a);
                })));
    }

    /** What is wrong with the answer to an attack on a vulnerable endpoint; empty when it was blocked right. */
    private static List<String> blocked(Corpus corpus, Group g, Case c, Attempt a) {
        List<String> problems = new ArrayList<>();
        if (a.worked()) {
            problems.add("the sink took effect");
        }
        if (a.reply().status() != 403) {
            problems.add("status " + a.reply().status() + ", not 403");
            return problems;
        }
        String id = requestId(a);
        if (id == null) {
            problems.add("the 403 names no request id (no X-Request-Id, none in the body)");
            return problems;
        }
        List<Map<String, Object>> events = stack.events.forRequest(id, EVENT_WAIT_MILLIS);
        if (events.size() != 1) {
            problems.add(events.size() + " security events for request " + id + ", not 1: " + events);
            if (events.isEmpty()) {
                return problems;
            }
        }
        Map<String, Object> e = events.get(0);
        expect(problems, e, "attack_class", corpus.attackClass());
        expect(problems, e, "sink.kind", corpus.sink());
        if (corpus.eventInput()) {
            expect(problems, e, "input.source", source(g.via()));
            expect(problems, e, "input.name", inputName(g, c));
        }
        return problems;
    }

    private static void expect(List<String> problems, Map<String, Object> event, String path, String want) {
        Object got = Json.path(event, path);
        if (!Objects.equals(want, got)) {
            problems.add("event " + path + " is " + got + ", not " + want);
        }
    }

    private static String source(Via via) {
        return switch (via) {
            case GET -> "query";
            case FORM -> "form";
            case JSON -> "json";
            case BODY -> "body";
            case HEADER -> "header";
            case COOKIE -> "cookie";
            case NAME -> "query_name";
        };
    }

    /**
     * The input name the event must carry: the parameter, cookie or (lower-case, as the edge keeps
     * it) header name; for a NAME case the name itself, which is the input.
     */
    private static String inputName(Group g, Case c) {
        return switch (g.via()) {
            case HEADER -> g.param().toLowerCase(Locale.ROOT);
            case NAME -> stack.attempts.fill(c, c.wire() ? URLDecoder.decode(c.value(), StandardCharsets.UTF_8)
                    : c.value());
            default -> g.param();
        };
    }

    /** The request id a 403 carries: the X-Request-Id header, or "request id X" in the body. */
    static String requestId(Attempt a) {
        String h = a.reply().header("X-Request-Id");
        Matcher m = ID_IN_BODY.matcher(a.reply().body());
        String fromBody = m.find() ? m.group(1) : null;
        if (h != null && fromBody != null) {
            assertEquals(h, fromBody, "X-Request-Id and the body name different ids");
        }
        return h != null ? h : fromBody;
    }
}
