package dev.pincer.sensor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a fake correlator on a real socket. */
class CorrelatorClientTest {
    static final String TOKEN = "client-test-token-0123456789";
    private static final long MS = 1_000_000L;
    /** The spec's clocks, shortened: PING after 300 ms idle, PONG within 300 ms, REPORT each 200 ms. */
    static final Timing FAST = new Timing(300 * MS, 300 * MS, 200 * MS, 20 * MS, 200 * MS, 2_000 * MS, 20 * MS);

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void quiet() {
        Log.setLevel(Log.OFF);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeCorrelator correlator(String token) throws Exception {
        FakeCorrelator f = new FakeCorrelator(token);
        open.add(f);
        return f;
    }

    private CorrelatorClient client(int port, String token, ReportCounters counters) {
        SensorConfig cfg = new SensorConfig("127.0.0.1", port, token, 200 * MS, true, FailMode.OPEN, Log.ERROR, "unit");
        CorrelatorClient c = new CorrelatorClient(cfg, counters, FAST);
        c.start();
        open.add(c::stop);
        return c;
    }

    private CorrelatorClient connected(FakeCorrelator f) throws Exception {
        CorrelatorClient c = client(f.port(), TOKEN, new ReportCounters());
        assertTrue(FakeCorrelator.await(c::isConnected, Duration.ofSeconds(5)), "connected");
        return c;
    }

    private static Reply check(CorrelatorClient c, String arg, long timeoutMs) {
        return c.check("", 8, List.of(arg), List.of(), "stack", timeoutMs * MS);
    }

    @Test
    void handshakeThenVerdict() throws Exception {
        FakeCorrelator f = correlator(TOKEN).rules(ch -> ch.arg(0).contains("Evil") ? Answer.block("deser") : Answer.allow(2));
        CorrelatorClient c = connected(f);
        FakeCorrelator.Hello hello = f.hellos().get(0);
        assertEquals(2, hello.version());
        assertTrue(hello.sensorId().contains("/"), hello.sensorId());
        assertTrue(hello.runtime().startsWith("java "), hello.runtime());
        assertEquals("unit", hello.app());

        Reply allow = check(c, "java.util.ArrayList", 1000);
        assertEquals(Reply.VERDICT, allow.status);
        assertEquals(Reply.ALLOW, allow.verdict);
        assertEquals(2, allow.cache);
        Reply block = check(c, "EvilGadget", 1000);
        assertEquals(Reply.BLOCK, block.verdict);
        assertEquals("deser", block.attackClass);
        FakeCorrelator.Check sent = f.checks().get(1);
        assertEquals(8, sent.kind());
        assertEquals(0, sent.flags());
        assertEquals("", sent.ctx());
        assertEquals("stack", sent.stack());
        assertTrue(sent.stream() != 0);
    }

    @Test
    void badTokenIsRejectedAndChecksFailAtOnce() throws Exception {
        FakeCorrelator f = correlator(TOKEN);
        CorrelatorClient c = client(f.port(), "not-the-token-at-all", new ReportCounters());
        assertTrue(FakeCorrelator.await(() -> f.authFailures() >= 2, Duration.ofSeconds(5)), "retries with backoff");
        assertFalse(c.isConnected());
        assertTrue(f.hellos().isEmpty());
        long t0 = System.nanoTime();
        assertEquals(Reply.DISCONNECTED, check(c, "x", 5000).status);
        assertTrue(System.nanoTime() - t0 < 100 * MS, "no wait while disconnected");
    }

    /** Replies come back in the reverse order of the CHECKs; each caller gets its own. */
    @Test
    void pipelinedChecksGetTheirOwnVerdicts() throws Exception {
        FakeCorrelator f = correlator(TOKEN).rules(ch -> {
            int i = Integer.parseInt(ch.arg(0));
            return (i % 2 == 0 ? Answer.allow() : Answer.block("x")).after(400 - i * 15L);
        });
        CorrelatorClient c = connected(f);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String arg = Integer.toString(i);
                replies.add(pool.submit(() -> check(c, arg, 3000)));
            }
            for (int i = 0; i < 20; i++) {
                Reply r = replies.get(i).get();
                assertEquals(Reply.VERDICT, r.status, "call " + i);
                assertEquals(i % 2 == 0 ? Reply.ALLOW : Reply.BLOCK, r.verdict, "call " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, f.checks().stream().map(FakeCorrelator.Check::stream).distinct().count());
        assertTrue(FakeCorrelator.await(() -> c.outstanding() == 0, Duration.ofSeconds(2)));
    }

    @Test
    void noVerdictInTimeIsATimeout() throws Exception {
        FakeCorrelator f = correlator(TOKEN).rules(ch -> Answer.allow().after(500));
        CorrelatorClient c = connected(f);
        long t0 = System.nanoTime();
        assertEquals(Reply.TIMEOUT, check(c, "slow", 50).status);
        long took = (System.nanoTime() - t0) / MS;
        assertTrue(took >= 45 && took < 400, "took " + took + " ms");
        // The late VERDICT frees the slot.
        assertTrue(FakeCorrelator.await(() -> c.outstanding() == 0, Duration.ofSeconds(2)));
    }

    /** WELCOME's max_in_flight bounds unanswered CHECKs; one more is refused without being sent. */
    @Test
    void inFlightWindowIsBounded() throws Exception {
        FakeCorrelator f = correlator(TOKEN).maxInFlight(2).rules(ch -> Answer.silence());
        CorrelatorClient c = connected(f);
        assertEquals(Reply.TIMEOUT, check(c, "a", 20).status);
        assertEquals(Reply.TIMEOUT, check(c, "b", 20).status);
        assertEquals(2, c.outstanding());
        assertEquals(Reply.OVERLOADED, check(c, "c", 20).status);
        assertTrue(f.awaitChecks(2, Duration.ofSeconds(1)));
        Thread.sleep(100);
        assertEquals(2, f.checks().size(), "the third CHECK was never sent");
    }

    @Test
    void streamErrorIsRefusedAndConnectionKept() throws Exception {
        FakeCorrelator f = correlator(TOKEN).rules(ch -> Answer.error(10));
        CorrelatorClient c = connected(f);
        Reply r = check(c, "x", 1000);
        assertEquals(Reply.REFUSED, r.status);
        assertEquals("unknown_kind", r.reason);
        assertTrue(c.isConnected());
    }

    @Test
    void reconnectsAfterTheCorrelatorRestarts() throws Exception {
        FakeCorrelator first = correlator(TOKEN);
        int port = first.port();
        CorrelatorClient c = connected(first);
        assertEquals(Reply.VERDICT, check(c, "before", 1000).status);
        first.close();
        assertTrue(FakeCorrelator.await(() -> !c.isConnected(), Duration.ofSeconds(2)), "noticed the loss");
        assertEquals(Reply.DISCONNECTED, check(c, "during", 1000).status);

        FakeCorrelator second = new FakeCorrelator(TOKEN, port);
        open.add(second);
        assertTrue(second.awaitWelcomed(1, Duration.ofSeconds(5)), "reconnected");
        assertTrue(FakeCorrelator.await(c::isConnected, Duration.ofSeconds(2)));
        assertEquals(Reply.VERDICT, check(c, "after", 1000).status);
    }

    @Test
    void waitingChecksFailWhenTheConnectionDrops() throws Exception {
        FakeCorrelator f = correlator(TOKEN).rules(ch -> Answer.silence());
        CorrelatorClient c = connected(f);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Reply> r = pool.submit(() -> check(c, "x", 5000));
            assertTrue(f.awaitChecks(1, Duration.ofSeconds(2)));
            long t0 = System.nanoTime();
            f.close();
            assertEquals(Reply.DISCONNECTED, r.get().status);
            assertTrue(System.nanoTime() - t0 < 2000 * MS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsAreReportedAtMostOncePerInterval() throws Exception {
        FakeCorrelator f = correlator(TOKEN);
        ReportCounters counters = new ReportCounters();
        CorrelatorClient c = client(f.port(), TOKEN, counters);
        assertTrue(FakeCorrelator.await(c::isConnected, Duration.ofSeconds(5)));
        counters.failOpen();
        counters.failOpen();
        counters.timeout();
        counters.failClosed();
        assertTrue(FakeCorrelator.await(() -> !f.reports().isEmpty(), Duration.ofSeconds(2)));
        long[] r = f.reports().get(0);
        assertEquals(2, r[0]);
        assertEquals(1, r[1]);
        assertEquals(1, r[2]);
        Thread.sleep(500);
        assertEquals(1, f.reports().size(), "nothing new, nothing sent");
    }

    @Test
    void pingsWhenIdleAndDropsWithoutPong() throws Exception {
        FakeCorrelator f = correlator(TOKEN).answerPings(false);
        CorrelatorClient c = connected(f);
        assertTrue(FakeCorrelator.await(() -> f.pings() >= 1, Duration.ofSeconds(3)), "PING after idle");
        assertTrue(FakeCorrelator.await(() -> f.welcomed() >= 2, Duration.ofSeconds(5)), "dropped and reconnected");

        FakeCorrelator g = correlator(TOKEN);
        CorrelatorClient d = connected(g);
        assertTrue(FakeCorrelator.await(() -> g.pings() >= 3, Duration.ofSeconds(5)));
        assertEquals(1, g.welcomed(), "answered PINGs keep the connection");
        assertTrue(d.isConnected());
    }

    @Test
    void welcomeSuggestsTheTimeoutOnlyWhenNoneIsConfigured() throws Exception {
        FakeCorrelator f = correlator(TOKEN).verdictTimeoutMs(77);
        SensorConfig cfg = new SensorConfig("127.0.0.1", f.port(), TOKEN, 50 * MS, false, FailMode.OPEN, Log.ERROR, "");
        CorrelatorClient c = new CorrelatorClient(cfg, new ReportCounters(), FAST);
        assertEquals(50 * MS, c.verdictTimeoutNanos(), "before WELCOME");
        c.start();
        open.add(c::stop);
        assertTrue(FakeCorrelator.await(c::isConnected, Duration.ofSeconds(5)));
        assertEquals(77 * MS, c.verdictTimeoutNanos());
        CorrelatorClient configured = connected(f);
        assertEquals(200 * MS, configured.verdictTimeoutNanos());
    }

    /**
     * Regression: reconnecting to a loopback port with no listener can connect the client to
     * itself (TCP simultaneous open), which then held the correlator's port. Such a connection is
     * recognised and dropped.
     */
    @Test
    void aConnectionToItselfIsRecognised() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
            assertTrue(CorrelatorClient.selfConnected(s));
        }
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), other.getLocalPort())) {
            assertTrue(!CorrelatorClient.selfConnected(s));
        }
    }
}
