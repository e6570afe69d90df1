package dev.pincer.correlator.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestContext#addAppView}: the union of the edge's and the app's view, its bounds and its races. */
class AppViewTest {
    private final ContextStore store = new ContextStore(100, Duration.ofMinutes(1),
            new CorrelatorMetrics(new CollectorRegistry(true)));

    private static Input app(String name, String value) {
        return Input.plain(InputSource.APP_PARAMETER, name, value);
    }

    private RequestContext open(Input... edge) {
        return store.open("req", "192.0.2.1", "GET", "/", new RequestInputs(List.of(edge), null, false));
    }

    private static List<Input> many(int n, String prefix) {
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(app(prefix + i, "v"));
        }
        return out;
    }

    @Test
    void theUnionKeepsTheEdgesInputsAndAddsWhatOnlyTheAppSaw() {
        Input edgeId = Input.plain(InputSource.QUERY, "id", "1");
        RequestContext ctx = open(edgeId);
        ctx.addAppView(List.of(app("id", "1"), app("id", "2' OR '1'='1")), false);
        assertEquals(List.of(edgeId, app("id", "2' OR '1'='1")), ctx.inputs().inputs(),
                "an app entry equal to an edge input by name and decoded value is skipped; a polluted second value is kept");
        assertFalse(ctx.inputs().truncated());
    }

    /**
     * Regression: the app's {@code X-Forwarded-For} (the proxy's own statement of the client
     * address, 127.0.0.1 behind a local proxy) was kept as an input, so an app's connect to its own
     * 127.0.0.1 service looked chosen by the request. Proxy-owned fields are not the client's input.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Forwarded-For", "x-forwarded-proto", "X-Forwarded-Host", "X-Forwarded-Port",
        "Forwarded", "X-Request-Id", "Connection", "Content-Length", "Transfer-Encoding", "TE", "X-Pincer-Context"})
    void headersTheProxySetsAreNotTheClientsInput(String name) {
        RequestContext ctx = open();
        Input kept = Input.plain(InputSource.APP_HEADER, "X-Forwarded-Fork", "127.0.0.1");
        ctx.addAppView(List.of(Input.plain(InputSource.APP_HEADER, name, "127.0.0.1"), kept,
                Input.plain(InputSource.APP_PARAMETER, name, "127.0.0.1")), false);
        assertEquals(List.of(kept, Input.plain(InputSource.APP_PARAMETER, name, "127.0.0.1")), ctx.inputs().inputs());
        assertFalse(ctx.inputs().truncated());
    }

    @Test
    void headerNamesAreComparedWithoutCase() {
        RequestContext ctx = open(Input.plain(InputSource.HEADER, "user-agent", "curl"));
        ctx.addAppView(List.of(Input.plain(InputSource.APP_HEADER, "User-Agent", "curl"),
                Input.plain(InputSource.APP_COOKIE, "user-agent", "curl")), false);
        assertEquals(1, ctx.inputs().inputs().size(),
                "both repeat the edge's input by name and value (the source does not matter to an analyzer)");
    }

    /** Issue 8: {@code getParameterNames()} reads names; a name that is not a plain word is an input of its own. */
    @Test
    void aNameThatIsNotAPlainWordIsAnInputOfItsOwnEvenWithAnEmptyValue() {
        RequestContext ctx = open();
        ctx.addAppView(List.of(app("x') OR 1=1--", ""), app("id", "7"), app("user[name]", "bob"),
                Input.plain(InputSource.APP_HEADER, "X'or'1", "v"), Input.plain(InputSource.APP_COOKIE, "c'", "1")),
                false);
        assertEquals(List.of(Input.plain(InputSource.APP_PARAMETER_NAME, "x') OR 1=1--", "x') OR 1=1--"),
                app("id", "7"),
                Input.plain(InputSource.APP_PARAMETER_NAME, "user[name]", "user[name]"), app("user[name]", "bob"),
                Input.plain(InputSource.APP_HEADER_NAME, "X'or'1", "X'or'1"),
                Input.plain(InputSource.APP_HEADER, "X'or'1", "v"),
                Input.plain(InputSource.APP_COOKIE_NAME, "c'", "c'"), Input.plain(InputSource.APP_COOKIE, "c'", "1")),
                ctx.inputs().inputs(), "plain names (id) give no name input; the empty value itself is not kept");
    }

    @Test
    void aNameTheEdgeAlsoSawIsNotRepeatedAndHeaderNamesIgnoreCase() {
        Input edgeName = Input.plain(InputSource.QUERY_NAME, "a'", "a'");
        Input edgeHeader = Input.plain(InputSource.HEADER_NAME, "X'or'1", "X'or'1");
        RequestContext ctx = open(edgeName, edgeHeader);
        ctx.addAppView(List.of(app("a'", ""), Input.plain(InputSource.APP_HEADER, "x'OR'1", "")), false);
        assertEquals(List.of(edgeName, edgeHeader), ctx.inputs().inputs());
    }

    @Test
    void aNameInputIsKeyedApartFromAValue() {
        RequestContext ctx = open(Input.plain(InputSource.QUERY, "", "a'"));
        ctx.addAppView(List.of(app("a'", "")), false);
        assertEquals(Input.plain(InputSource.APP_PARAMETER_NAME, "a'", "a'"), ctx.inputs().inputs().get(1),
                "a value a' under an empty name is not the name a'");
    }

    @Test
    void nameInputsCountAgainstTheBoundAndOnePastItIsCut() {
        List<Input> entries = new ArrayList<>(many(AppView.MAX_INPUTS - 2, "p"));
        entries.add(app("n'", "v")); // a name input and its entry: exactly the bound
        RequestContext exact = open();
        exact.addAppView(entries, false);
        assertEquals(AppView.MAX_INPUTS, exact.inputs().inputs().size());
        assertFalse(exact.inputs().truncated());
        entries.add(0, app("p0'", ""));
        RequestContext over = open();
        over.addAppView(entries, false);
        assertEquals(AppView.MAX_INPUTS, over.inputs().inputs().size());
        assertTrue(over.inputs().truncated(), "one name input past the bound");
    }

    @Test
    void emptyValuesAndRepeatsUseNoBudget() {
        RequestContext ctx = open();
        List<Input> entries = new ArrayList<>(many(AppView.MAX_INPUTS, "p"));
        entries.add(0, app("empty", ""));
        entries.add(1, app("p0", "v"));
        ctx.addAppView(entries, false);
        assertEquals(AppView.MAX_INPUTS, ctx.inputs().inputs().size());
        assertFalse(ctx.inputs().truncated(), "exactly the bound, once empty values and repeats are skipped");
    }

    @Test
    void oneEntryPastTheBoundIsCutAndMarksTheRequestTruncated() {
        RequestContext ctx = open();
        ctx.addAppView(many(AppView.MAX_INPUTS + 1, "p"), false);
        assertEquals(AppView.MAX_INPUTS, ctx.inputs().inputs().size());
        assertTrue(ctx.inputs().truncated());
    }

    @Test
    void theBoundHoldsAcrossFrames() {
        RequestContext ctx = open();
        ctx.addAppView(many(AppView.MAX_INPUTS, "a"), false);
        assertFalse(ctx.inputs().truncated());
        ctx.addAppView(many(1, "b"), false);
        assertEquals(AppView.MAX_INPUTS, ctx.inputs().inputs().size());
        assertTrue(ctx.inputs().truncated());
    }

    @Test
    void theCharacterBoundAndOneCharacterPastIt() {
        int half = AppView.MAX_CHARS / 2;
        RequestContext exact = open();
        exact.addAppView(List.of(app("a", "x".repeat(half - 1)), app("b", "y".repeat(half - 1))), false);
        assertEquals(2, exact.inputs().inputs().size());
        assertFalse(exact.inputs().truncated());
        RequestContext over = open();
        over.addAppView(List.of(app("a", "x".repeat(half - 1)), app("b", "y".repeat(half))), false);
        assertEquals(1, over.inputs().inputs().size());
        assertTrue(over.inputs().truncated());
    }

    @Test
    void theSensorsTruncatedFlagMarksTheRequest() {
        RequestContext ctx = open();
        ctx.addAppView(List.of(app("a", "b")), true);
        assertTrue(ctx.inputs().truncated());
    }

    @Test
    void theUnionSurvivesALaterBodyPrefix() {
        RequestContext ctx = open(Input.plain(InputSource.QUERY, "q", "1"));
        ctx.addAppView(List.of(app("user", "x' OR 'a'='a"), app("q", "1")), false);
        Input body = Input.plain(InputSource.FORM, "user", "bob");
        ctx.updateInputs(new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", "1"), body), null, true));
        assertEquals(List.of(Input.plain(InputSource.QUERY, "q", "1"), body, app("user", "x' OR 'a'='a")),
                ctx.inputs().inputs());
        assertTrue(ctx.inputs().truncated(), "the edge's truncation is kept");
    }

    @Test
    void anAppEntryTheBodyLaterSawTooIsNotRepeated() {
        RequestContext ctx = open();
        ctx.addAppView(List.of(app("user", "bob")), false);
        ctx.updateInputs(new RequestInputs(List.of(Input.plain(InputSource.FORM, "user", "bob")), null, false));
        assertEquals(List.of(Input.plain(InputSource.FORM, "user", "bob")), ctx.inputs().inputs());
    }

    /** The proxy's loop (body prefix) and the correlator's (app view) race; neither update is lost. */
    @Test
    void concurrentUpdatesKeepBothViews() throws Exception {
        for (int round = 0; round < 200; round++) {
            RequestContext ctx = open();
            CountDownLatch go = new CountDownLatch(1);
            Input body = Input.plain(InputSource.FORM, "b", "1");
            Thread proxy = new Thread(() -> {
                await(go);
                ctx.updateInputs(new RequestInputs(List.of(body), null, false));
            });
            Thread sensor = new Thread(() -> {
                await(go);
                ctx.addAppView(List.of(app("a", "2")), false);
            });
            proxy.start();
            sensor.start();
            go.countDown();
            proxy.join();
            sensor.join();
            assertEquals(List.of(body, app("a", "2")), ctx.inputs().inputs(), "round " + round);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
