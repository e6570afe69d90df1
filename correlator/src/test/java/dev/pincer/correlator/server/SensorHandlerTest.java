package dev.pincer.correlator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.protocol.Protocol;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connection behaviour that one read of bytes cannot show: time, several connections, batching. */
class SensorHandlerTest {
    private static final String ATTACK = "select * from users where id='1' OR '1'='1'";

    private static Frame.Check sql(int stream, String ctx, String query) {
        return new Frame.Check(stream, SinkKind.SQL.code(),
                new SinkCall(ctx, SinkKind.SQL, List.of(query), Map.of(), "com.shop.Users.find"));
    }

    private static RequestContext suspectContext(SensorChannel.Server server) {
        return server.contexts.open("req-7", "192.0.2.7", "POST", "/login", new RequestInputs(
                List.of(Input.plain(InputSource.FORM, "user", "1' OR '1'='1")), null, false));
    }

    @Test
    void welcomeAnnouncesTheSettings() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.MONITOR, 4, 16);
        try (SensorChannel ch = server.connect()) {
            byte[] nonce = ch.nonce();
            assertEquals(Protocol.NONCE_BYTES, nonce.length);
            Frame.Welcome w = ch.handshake();
            assertEquals(new Frame.Welcome(1, SensorChannel.MAX_FRAME, 16, 50, Protocol.MODE_MONITOR), w);
            assertEquals(1, server.sensors.connected());
        }
        assertEquals(0, server.sensors.connected(), "the gauge goes down when the sensor leaves");
        assertEquals(0, server.metric("pincer_sensors_connected"));
    }

    @Test
    void challengeOffersVersionsOneToTwoAndWelcomeConfirmsTheChoice() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel ch = server.connect()) {
            Frame.Challenge c = (Frame.Challenge) ch.next();
            assertEquals(1, c.minVersion());
            assertEquals(2, c.maxVersion());
        }
        try (SensorChannel ch = server.connect()) {
            assertEquals(2, ch.handshake(2).version());
        }
        try (SensorChannel ch = server.connect()) {
            assertEquals(1, ch.handshake(1).version(), "a version 1 sensor is answered in version 1");
        }
    }

    @Test
    void everyConnectionGetsItsOwnNonce() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel a = server.connect(); SensorChannel b = server.connect()) {
            assertFalse(java.util.Arrays.equals(a.nonce(), b.nonce()));
        }
    }

    @Test
    void noHelloWithinFiveSecondsIsAHandshakeTimeout() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel ch = server.connect()) {
            ch.nonce();
            ch.ch.advanceTimeBy(4900, TimeUnit.MILLISECONDS);
            ch.ch.runScheduledPendingTasks();
            assertTrue(ch.open());
            ch.ch.advanceTimeBy(200, TimeUnit.MILLISECONDS);
            ch.ch.runScheduledPendingTasks();
            assertEquals(new Frame.Error(0, ErrorCode.HANDSHAKE_TIMEOUT.code(), "no HELLO within 5000 ms"), ch.next());
            assertFalse(ch.open());
            assertEquals(1, server.metric("pincer_sensor_protocol_errors_total", "code", "handshake_timeout"));
        }
    }

    @Test
    void theHandshakeTimerStopsAtWelcome() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.ch.advanceTimeBy(6, TimeUnit.SECONDS);
            ch.ch.runScheduledPendingTasks();
            assertTrue(ch.open());
            assertEquals(List.of(), ch.frames());
        }
    }

    @Test
    void aConnectionSilentForSixtySecondsIsClosed() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.ch.advanceTimeBy(50, TimeUnit.SECONDS);
            ch.ch.runScheduledPendingTasks();
            ch.send(new Frame.Ping(1, 1));
            assertEquals(List.of(new Frame.Pong(1, 1)), ch.frames());
            ch.ch.advanceTimeBy(50, TimeUnit.SECONDS);
            ch.ch.runScheduledPendingTasks();
            assertTrue(ch.open(), "the PING reset the idle timer");
            ch.ch.advanceTimeBy(11, TimeUnit.SECONDS);
            ch.ch.runScheduledPendingTasks();
            assertFalse(ch.open());
            assertEquals(List.of(), ch.frames(), "idle close sends no ERROR: the spec has no code for it");
        }
    }

    @Test
    void pastMaxSensorsAConnectionIsRefusedBeforeChallenge() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 2, 16);
        SensorChannel b = server.connect();
        try (SensorChannel a = server.connect()) {
            a.handshake();
            b.nonce();
            try (SensorChannel c = server.connect()) {
                assertEquals(new Frame.Error(0, ErrorCode.TOO_MANY_SENSORS.code(),
                        "the correlator has 2 sensors connected"), c.next());
                assertFalse(c.open());
            }
            b.close();
            try (SensorChannel d = server.connect()) {
                assertInstanceOf(Frame.Challenge.class, d.next(), "a slot freed by a close is reused");
            }
        } finally {
            b.close();
        }
        assertEquals(1, server.metric("pincer_sensor_protocol_errors_total", "code", "too_many_sensors"));
    }

    @Test
    void inFlightCountsUntilTheBatchIsFlushed() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 4);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            for (int round = 0; round < 3; round++) {
                ch.send(sql(1, "", "select 1"), sql(2, "", "select 2"), sql(3, "", "select 3"), sql(4, "", "select 4"));
                assertEquals(4, ch.frames().size(), "four at a time is within the limit, round after round");
            }
            ch.send(sql(1, "", "select 1"), sql(2, "", "select 2"), sql(3, "", "select 3"), sql(4, "", "select 4"),
                    sql(5, "", "select 5"), sql(6, "", "select 6"));
            List<Frame> out = ch.frames();
            assertEquals(5, out.size(), "four verdicts, then the error, then nothing");
            assertEquals(new Frame.Error(0, ErrorCode.TOO_MANY_IN_FLIGHT.code(), "more than 4 CHECKs outstanding"),
                    out.get(4));
            assertFalse(ch.open());
        }
    }

    @Test
    void verdictsOfOneReadAreFlushedTogether() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 64);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            List<Frame> checks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                checks.add(sql(1000 - i * 7, "", "select " + i));
            }
            ch.send(checks.toArray(new Frame[0]));
            List<Frame> out = ch.frames();
            assertEquals(32, out.size());
            for (int i = 0; i < 32; i++) {
                assertEquals(1000 - i * 7, out.get(i).stream(), "each VERDICT echoes its CHECK's stream");
            }
        }
    }

    @Test
    void aBlockIsOnTheContextBeforeTheVerdictLeaves() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        RequestContext ctx = suspectContext(server);
        ctx.markSuspect(List.of("942100"));
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(9, ctx.id(), ATTACK));
            assertTrue(ctx.blocked());
            assertEquals(AttackClass.SQL_INJECTION, ctx.blockingDecision().finding().attackClass());
            assertEquals(new Frame.Verdict(9, 1, 1, "sqli", "input spans several SQL tokens"), ch.next());
            assertEquals(1, events.lines().size());
            assertTrue(events.lines().get(0).contains(
                    "\"action\":\"block\",\"sink_ran\":false,\"decided\":\"block\",\"request_id\":\"req-7\""),
                    events.lines().get(0));
            assertTrue(ctx.sinkStopped(), "a block the sensor waited for stopped a sink");
        }
        server.contexts.close(ctx.id());
        assertEquals(1, server.metric("pincer_edge_suspect_total", "outcome", "confirmed"));
    }

    @Test
    void edgeModeRecordsTheFindingWithoutBlocking() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.EDGE, 4, 16);
        RequestContext ctx = suspectContext(server);
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(sql(9, ctx.id(), ATTACK));
            assertEquals(new Frame.Verdict(9, 0, 1, "", ""), ch.next());
            assertFalse(ctx.blocked());
            assertNotNull(ctx.firstFinding());
            assertTrue(events.lines().get(0).contains("\"action\":\"observed\""), events.lines().get(0));
        }
    }

    @Test
    void reconfigureSwapsTheModeForTheNextCheck() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        RequestContext ctx = suspectContext(server);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            server.judge.reconfigure(Mode.MONITOR, dev.pincer.correlator.testing.FakeAnalyzers.all());
            ch.send(sql(9, ctx.id(), ATTACK));
            assertEquals(2, ((Frame.Verdict) ch.next()).verdict());
            assertNull(ctx.blockingDecision());
        }
    }

    @Test
    void shutdownSaysShuttingDownAndCloses() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.ch.pipeline().fireUserEventTriggered(SensorHandler.SHUTDOWN);
            assertEquals(new Frame.Error(0, ErrorCode.SHUTTING_DOWN.code(), "the correlator is stopping"), ch.next());
            assertFalse(ch.open());
        }
    }

    @Test
    void reportWithFailOpenIsASecurityEvent() {
        SensorChannel.Server server = new SensorChannel.Server(Mode.HYBRID, 4, 16);
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            ch.handshake();
            ch.send(new Frame.Report(2, 0, 2));
            assertEquals(1, events.lines().size());
            String line = events.lines().get(0);
            assertTrue(line.contains("\"event\":\"sensor_fail_open\",\"action\":\"fail_open\",\"sensor\":\"test/1\""),
                    line);
            assertTrue(line.endsWith("\"fail_open\":2,\"fail_closed\":0,\"timeouts\":2}"), line);
        }
    }

    @Test
    void proofIsTheSpecHmac() {
        byte[] nonce = new byte[32];
        for (int i = 0; i < 32; i++) {
            nonce[i] = (byte) i;
        }
        // docs/sensor-protocol.md section 3: token 0123456789abcdef, nonce 00 01 .. 1f
        assertArrayEquals(java.util.HexFormat.of().parseHex(
                "a6a28c90417e47836773ceb7d1355a3f0a712d9bd17265e0b2fc4cfe5b1bbc8f"),
                Protocol.proof("0123456789abcdef", nonce));
    }
}
