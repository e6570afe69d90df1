package dev.pincer.correlator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.FakeAnalyzers;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Analysis off the event loop, the per-request share, and honest events, on one connection's real
 * pipeline. The analysis "executor" is the test itself ({@link SensorChannel.Server#manual}): it
 * decides which check finishes when, so order and overlap are exact, never timed.
 */
class AnalysisHandlerTest {
    private static final String ATTACK = "select * from users where id='1' OR '1'='1'";

    private static Frame.Check sql(int stream, String ctx, String query) {
        return new Frame.Check(stream, SinkKind.SQL.code(),
                new SinkCall(ctx, SinkKind.SQL, List.of(query), Map.of(), "com.shop.Users.find"));
    }

    private static RequestContext attacked(SensorChannel.Server server, String requestId) {
        return server.contexts.open(requestId, "192.0.2.7", "POST", "/login", new RequestInputs(
                List.of(Input.plain(InputSource.FORM, "user", "1' OR '1'='1")), null, false));
    }

    /** The fake SQL analyzer, after moving the analysis clock on by {@code step} per call. */
    private static Map<SinkKind, List<SinkAnalyzer>> costing(AtomicLong clock, Duration step) {
        SinkAnalyzer quoted = new FakeAnalyzers.QuotedInput();
        return Map.of(SinkKind.SQL, List.of(new SinkAnalyzer() {
            @Override
            public SinkKind kind() {
                return SinkKind.SQL;
            }

            @Override
            public Finding analyze(SinkCall call, RequestInputs inputs) {
                clock.addAndGet(step.toNanos());
                return quoted.analyze(call, inputs);
            }
        }));
    }

    @Test
    void aCheckStillBeingAnalysedDelaysNoOtherVerdict() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        RequestContext slow = attacked(server, "slow");
        RequestContext quick = attacked(server, "quick");
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(1, slow.id(), ATTACK), sql(2, quick.id(), "select 2"), sql(3, quick.id(), ATTACK));
            assertEquals(List.of(), ch.frames(), "nothing is decided on the event loop");
            assertEquals(3, server.tasks.size());
            server.run(2);
            server.run(1);
            assertEquals(List.of(new Frame.Verdict(3, 1, 1, "sqli", "input spans several SQL tokens"),
                    new Frame.Verdict(2, 0, 1, "", "")), ch.frames(), "the other request's verdicts, while the first waits");
            assertTrue(quick.blocked());
            assertFalse(slow.blocked());
            server.run(0);
            assertEquals(List.of(new Frame.Verdict(1, 1, 1, "sqli", "input spans several SQL tokens")), ch.frames());
            assertTrue(ch.open());
        }
    }

    @Test
    void theRequestsShareOfChecksAtOnceAndOnePastIt() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        server.share(2, Duration.ofSeconds(1));
        RequestContext greedy = attacked(server, "greedy");
        RequestContext other = attacked(server, "other");
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(1, greedy.id(), "select 1"), sql(2, greedy.id(), "select 2"), sql(3, greedy.id(), "select 3"),
                    sql(4, other.id(), "select 4"));
            assertEquals(List.of(new Frame.Verdict(3, 1, 0, "analysis_limit",
                    "request exceeded its analysis share (2 checks at once)")), ch.frames(),
                    "two are let in, the third is decided at once, uncached; another request is unaffected");
            assertEquals(3, server.tasks.size());
            assertTrue(greedy.blocked());
            assertEquals(1, server.metric("pincer_analysis_limited_total", "reason", "request_checks"));
            assertTrue(events.lines().get(0).contains("\"action\":\"block\",\"sink_ran\":false"), events.lines().get(0));
            assertTrue(events.lines().get(0).contains("\"attack_class\":\"analysis_limit\""), events.lines().get(0));
            server.run(0);
            ch.frames();
            ch.send(sql(5, greedy.id(), "select 5"));
            assertEquals(3, server.tasks.size(), "a finished check frees its place in the share");
            assertEquals(2, greedy.analysisShare().active());
        }
    }

    @Test
    void theRequestsShareOfAnalysisTime() {
        AtomicLong clock = new AtomicLong();
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16, clock,
                costing(clock, Duration.ofMillis(500)));
        server.share(8, Duration.ofSeconds(1));
        RequestContext ctx = attacked(server, "r");
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(1, ctx.id(), "select 1"), sql(2, ctx.id(), "select 2"), sql(3, ctx.id(), "select 3"));
            assertEquals(List.of(new Frame.Verdict(1, 0, 1, "", ""), new Frame.Verdict(2, 0, 1, "", ""),
                    new Frame.Verdict(3, 1, 0, "analysis_limit", "request exceeded its analysis share (1000 ms of analysis)")),
                    ch.frames(), "500 ms used: in; 1000 ms used (the limit): the next is decided without analysis");
            assertEquals(1, server.metric("pincer_analysis_limited_total", "reason", "request_time"));
        }
    }

    @Test
    void aFullQueueIsDecidedAsAnAnalysisLimit() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(1);
        RequestContext a = attacked(server, "a");
        RequestContext b = attacked(server, "b");
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(1, a.id(), "select 1"), sql(2, b.id(), "select 2"));
            assertEquals(List.of(new Frame.Verdict(2, 1, 0, "analysis_limit",
                    "correlator overloaded: the analysis queue is full")), ch.frames());
            assertEquals(1, server.metric("pincer_analysis_limited_total", "reason", "queue_full"));
            assertEquals(0, b.analysisShare().active(), "a check that was not queued leaves the share at once");
            server.run(0);
            assertEquals(List.of(new Frame.Verdict(1, 0, 1, "", "")), ch.frames());
        }
    }

    @Test
    void aFullQueueInMonitorModeOnlyMonitors() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.MONITOR, 4, 16).manual(0);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(1, "", "select 1"));
            assertEquals(2, ((Frame.Verdict) ch.next()).verdict(), "the policy decides: monitor");
        }
    }

    @Test
    void aCheckOnAStreamStillOutstandingIsMalformed() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(5, "", "select 1"), sql(5, "", "select 2"));
            assertEquals(List.of(new Frame.Error(0, ErrorCode.MALFORMED.code(),
                    "CHECK on stream 5, which is still outstanding")), ch.frames());
            assertFalse(ch.open());
        }
    }

    @Test
    void aTimeoutBeforeTheVerdictMakesTheEventAFailOpen() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        RequestContext ctx = attacked(server, "r");
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake(2);
            ch.send(sql(7, ctx.id(), ATTACK), new Frame.Timeout(7, 0));
            server.run(0);
            assertEquals(List.of(new Frame.Verdict(7, 1, 1, "sqli", "input spans several SQL tokens")), ch.frames(),
                    "every CHECK is still answered once (the sensor discards it)");
            assertTrue(ctx.blocked(), "the proxy still replaces the response");
            assertFalse(ctx.sinkStopped(), "but nothing stopped the sink");
            assertEquals(1, events.lines().size());
            String line = events.lines().get(0);
            assertTrue(line.contains("\"action\":\"fail_open\",\"sink_ran\":true,\"decided\":\"block\",\"request_id\":\"r\""),
                    line);
            assertTrue(line.contains("\"attack_class\":\"sqli\""), line);
            assertEquals(1, server.metric("pincer_sink_late_verdicts_total", "kind", "sql"));
            assertEquals(1, server.metric("pincer_sensor_timeout_frames_total", "applied", "fail_open"));
        }
    }

    @Test
    void aFailClosedTimeoutSaysTheSinkDidNotRun() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake(2);
            ch.send(sql(7, "", "select 1"), new Frame.Timeout(7, 1));
            server.run(0);
            assertEquals(1, ch.frames().size());
            assertTrue(events.lines().get(0).contains("\"action\":\"fail_closed\",\"sink_ran\":false,\"decided\":\"allow\""),
                    events.lines().get(0));
        }
    }

    @Test
    void aTimeoutFreesTheChecksPlaceInFlight() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 2).manual(16);
        try (SensorChannel ch = server.connect()) {
            ch.handshake(2);
            ch.send(sql(1, "", "select 1"), sql(2, "", "select 2"), new Frame.Timeout(1, 0), sql(3, "", "select 3"));
            assertTrue(ch.open(), "the sensor stopped counting stream 1, and so did the correlator");
            assertEquals(List.of(), ch.frames());
            ch.send(sql(4, "", "select 4"));
            assertEquals(List.of(new Frame.Error(0, ErrorCode.TOO_MANY_IN_FLIGHT.code(), "more than 2 CHECKs outstanding")),
                    ch.frames(), "streams 2 and 3 still count");
        }
    }

    @Test
    void aTimeoutThatCrossedABlockVerdictRevokesTheStoppedSink() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        RequestContext ctx = attacked(server, "r");
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake(2);
            ch.send(sql(7, ctx.id(), ATTACK));
            assertEquals(1, ch.frames().size());
            assertTrue(ctx.sinkStopped());
            ch.send(new Frame.Timeout(7, 0));
            assertFalse(ctx.sinkStopped(), "the sensor gave up before the block reached it");
            assertTrue(ctx.blocked());
            assertEquals(2, events.lines().size());
            assertTrue(events.lines().get(1).contains("\"action\":\"fail_open\",\"sink_ran\":true,\"decided\":\"block\""),
                    events.lines().get(1));
        }
    }

    @Test
    void aVersion1VerdictJudgedPastTheAnnouncedTimeoutIsLate() {
        for (int ms : new int[] {50, 51}) {
            AtomicLong clock = new AtomicLong();
            SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16, clock,
                    costing(clock, Duration.ofMillis(ms)));
            RequestContext ctx = attacked(server, "r");
            try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
                ch.handshake();
                ch.send(sql(7, ctx.id(), ATTACK));
                assertEquals(1, ch.frames().size());
                assertTrue(ctx.blocked());
                String line = events.lines().get(0);
                if (ms == 50) {
                    assertTrue(ctx.sinkStopped(), "exactly the announced 50 ms is in time");
                    assertTrue(line.contains("\"action\":\"block\",\"sink_ran\":false"), line);
                } else {
                    assertFalse(ctx.sinkStopped(), "51 ms: the v1 sensor had most likely given up");
                    assertTrue(line.contains("\"action\":\"late\",\"sink_ran\":true,\"decided\":\"block\""), line);
                    assertEquals(1, server.metric("pincer_sink_late_verdicts_total", "kind", "sql"));
                }
            }
        }
    }

    @Test
    void aVerdictWhoseConnectionClosedFirstIsLate() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16).manual(16);
        RequestContext ctx = attacked(server, "r");
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake(2);
            ch.send(sql(7, ctx.id(), ATTACK));
            ch.ch.close();
            server.run(0);
            assertTrue(ctx.blocked());
            assertFalse(ctx.sinkStopped());
            assertTrue(events.lines().get(0).contains("\"action\":\"late\",\"sink_ran\":true"), events.lines().get(0));
        }
    }
}
