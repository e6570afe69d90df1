package dev.pincer.correlator.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Policy;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ContextStoreTest {
    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final CorrelatorMetrics metrics = new CorrelatorMetrics(registry);
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    private RequestContext open(ContextStore store) {
        return store.open("req", "192.0.2.1", "GET", "/", RequestInputs.EMPTY);
    }

    private double metric(String name, String... labels) {
        Double v = labels.length == 0 ? registry.getSampleValue(name)
                : registry.getSampleValue(name, new String[] {labels[0]}, new String[] {labels[1]});
        return v == null ? 0 : v;
    }

    @Test
    void openGetClose() {
        ContextStore store = new ContextStore(100, Duration.ofMinutes(5), metrics, ticker);
        RequestContext ctx = open(store);
        assertSame(ctx, store.get(ctx.id()));
        assertEquals(1, metric("pincer_request_contexts"));
        assertSame(ctx, store.close(ctx.id()));
        assertNull(store.get(ctx.id()));
        assertNull(store.close(ctx.id()), "closing twice is harmless");
        assertNull(store.get(""));
        assertEquals(0, metric("pincer_request_contexts"));
    }

    @Test
    void contextsExpireAfterTheTtlFromOpening() {
        ContextStore store = new ContextStore(100, Duration.ofSeconds(30), metrics, ticker);
        RequestContext ctx = open(store);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertNotNull(store.get(ctx.id()));
        ctx.updateInputs(RequestInputs.EMPTY);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertNull(store.get(ctx.id()), "updating inputs does not extend the life of a context");
    }

    @Test
    void theStoreIsBounded() {
        ContextStore store = new ContextStore(100, Duration.ofMinutes(5), metrics, ticker);
        for (int i = 0; i < 1000; i++) {
            open(store);
        }
        store.cleanUp();
        assertTrue(store.size() <= 100, "size " + store.size());
    }

    @Test
    void suspectWithAFindingIsConfirmedAndWithoutIsCleared() {
        ContextStore store = new ContextStore(100, Duration.ofMinutes(5), metrics, ticker);
        RequestContext confirmed = open(store);
        RequestContext cleared = open(store);
        RequestContext plain = open(store);
        confirmed.markSuspect(List.of("942100"));
        cleared.markSuspect(List.of("942100"));
        cleared.markSuspect(List.of("942190"));
        assertEquals(List.of("942100", "942190"), cleared.edgeRuleIds());
        SinkCall call = new SinkCall(confirmed.id(), SinkKind.SQL, List.of("select 1"), Map.of(), "");
        confirmed.record(new Policy(Mode.MONITOR).decide(call, new Finding(AttackClass.SQL_INJECTION,
                Input.plain(InputSource.QUERY, "q", "x"), List.of(), "r")));
        assertFalse(confirmed.blocked(), "a monitor finding confirms but does not block");
        store.close(confirmed.id());
        store.close(cleared.id());
        store.close(plain.id());
        assertEquals(1, metric("pincer_edge_suspect_total", "outcome", "confirmed"));
        assertEquals(1, metric("pincer_edge_suspect_total", "outcome", "cleared"));
    }

    @Test
    void theFirstBlockIsKept() {
        ContextStore store = new ContextStore(100, Duration.ofMinutes(5), metrics, ticker);
        RequestContext ctx = open(store);
        Policy hybrid = new Policy(Mode.HYBRID);
        SinkCall a = new SinkCall(ctx.id(), SinkKind.SQL, List.of("a"), Map.of(), "");
        SinkCall b = new SinkCall(ctx.id(), SinkKind.SQL, List.of("b"), Map.of(), "");
        Finding f = new Finding(AttackClass.SQL_INJECTION, null, List.of(), "r");
        ctx.record(hybrid.decide(a, null));
        assertFalse(ctx.blocked(), "an allow records nothing");
        ctx.record(hybrid.decide(a, f));
        ctx.record(hybrid.decide(b, f));
        assertTrue(ctx.blocked());
        assertSame(a, ctx.blockingDecision().call());
        assertSame(a, ctx.firstFinding().call());
    }
}
