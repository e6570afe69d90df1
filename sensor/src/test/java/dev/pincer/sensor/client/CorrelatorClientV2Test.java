package dev.pincer.sensor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Protocol v2 from the sensor's side, against the spec's test correlator: the version the HELLO
 * picks, TIMEOUT at the moment a wait runs out (once, with what happened to the sink), a late
 * VERDICT ignored, INPUTS once per request and connection and right before its first CHECK, and a
 * v1 correlator that never sees either frame.
 */
class CorrelatorClientV2Test {
    private static final String TOKEN = CorrelatorClientTest.TOKEN;
    private static final long MS = 1_000_000L;
    private static final String CTX = "0123456789abcdef0123456789abcdef";

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

    private FakeCorrelator correlator(int maxVersion) throws Exception {
        FakeCorrelator f = new FakeCorrelator(TOKEN).maxVersion(maxVersion);
        open.add(f);
        return f;
    }

    private CorrelatorClient connected(FakeCorrelator f, FailMode mode) throws Exception {
        SensorConfig cfg = new SensorConfig("127.0.0.1", f.port(), TOKEN, 100 * MS, true, mode, Log.OFF, "unit");
        CorrelatorClient c = new CorrelatorClient(cfg, new ReportCounters(), CorrelatorClientTest.FAST);
        c.start();
        open.add(c::stop);
        assertTrue(FakeCorrelator.await(c::isConnected, Duration.ofSeconds(5)), "connected");
        return c;
    }

    /** A request's view with one parameter; counts how often it was collected. */
    private static final class View implements AppView {
        final AtomicInteger collected = new AtomicInteger();
        Object sentOn;

        @Override
        public boolean pendingOn(Object connection) {
            return sentOn != connection;
        }

        @Override
        public void sentOn(Object connection) {
            sentOn = connection;
        }

        @Override
        public AppInputs collect() {
            collected.incrementAndGet();
            AppInputs in = new AppInputs();
            in.add(AppInputs.PARAMETER, "id", "1' OR '1'='1");
            in.add(AppInputs.COOKIE, "sid", "ab");
            return in;
        }
    }

    private static Reply sql(CorrelatorClient c, String query, long timeoutMs, AppView view) {
        return c.check(CTX, 1, List.of(query), List.of("method", "executeQuery"), "stack", timeoutMs * MS, view);
    }

    @ParameterizedTest(name = "correlator speaks 1..{0}: HELLO says {1}")
    @CsvSource({"1, 1", "2, 2", "3, 2"})
    void helloPicksTheHighestCommonVersion(int correlatorMax, int expected) throws Exception {
        FakeCorrelator f = correlator(correlatorMax);
        CorrelatorClient c = connected(f, FailMode.OPEN);
        assertEquals(expected, f.hellos().get(0).version());
        assertEquals(expected, c.version());
    }

    @Test
    void timeoutIsSentOnceWhenTheWaitRunsOutAndTheLateVerdictIsIgnored() throws Exception {
        FakeCorrelator f = correlator(2).rules(ch -> Answer.block("sql_injection").after(300));
        CorrelatorClient c = connected(f, FailMode.OPEN);
        Reply r = sql(c, "SELECT 1", 50, null);
        assertEquals(Reply.TIMEOUT, r.status);
        // The TIMEOUT is written before check() returns, i.e. before the sink could run.
        assertTrue(FakeCorrelator.await(() -> f.timeouts().size() == 1, Duration.ofSeconds(5)));
        FakeCorrelator.Timeout t = f.timeouts().get(0);
        assertEquals(f.checks().get(0).stream(), t.stream());
        assertEquals(0, t.applied(), "fail-open: the sink ran");
        assertTrue(FakeCorrelator.await(() -> c.lateVerdicts() == 1, Duration.ofSeconds(5)), "late verdict seen");
        assertEquals(0, c.outstanding(), "the late VERDICT frees the slot");
        assertEquals(1, f.timeouts().size(), "one TIMEOUT per timed-out CHECK");
        // The connection is fine and the next CHECK gets its own verdict, not the late one.
        f.rules(ch -> Answer.allow());
        Reply next = sql(c, "SELECT 2", 1000, null);
        assertEquals(Reply.VERDICT, next.status);
        assertEquals(Reply.ALLOW, next.verdict);
        assertEquals(1, f.timeouts().size());
    }

    @Test
    void timeoutUnderFailClosedSaysTheSinkWasStopped() throws Exception {
        FakeCorrelator f = correlator(2).rules(ch -> Answer.silence());
        CorrelatorClient c = connected(f, FailMode.CLOSED);
        assertEquals(Reply.TIMEOUT, sql(c, "SELECT 1", 30, null).status);
        assertTrue(FakeCorrelator.await(() -> f.timeouts().size() == 1, Duration.ofSeconds(5)));
        assertEquals(1, f.timeouts().get(0).applied());
    }

    @Test
    void answeredChecksSendNoTimeout() throws Exception {
        FakeCorrelator f = correlator(2);
        CorrelatorClient c = connected(f, FailMode.OPEN);
        for (int i = 0; i < 20; i++) {
            assertEquals(Reply.VERDICT, sql(c, "SELECT " + i, 1000, null).status);
        }
        assertEquals(0, f.timeouts().size());
    }

    @Test
    void inputsGoOnceRightBeforeTheRequestsFirstCheck() throws Exception {
        FakeCorrelator f = correlator(2);
        CorrelatorClient c = connected(f, FailMode.OPEN);
        View view = new View();
        assertEquals(Reply.VERDICT, sql(c, "SELECT a", 1000, view).status);
        assertEquals(Reply.VERDICT, sql(c, "SELECT b", 1000, view).status);
        assertEquals(Reply.VERDICT, sql(c, "SELECT c", 1000, view).status);
        assertEquals(1, view.collected.get(), "collected once");
        assertEquals(1, f.inputs().size(), "sent once");
        assertEquals(List.of(0x12, 0x10, 0x10, 0x10), f.order(), "INPUTS immediately before the first CHECK");
        FakeCorrelator.Inputs in = f.inputs().get(0);
        assertEquals(CTX, in.ctx());
        assertEquals(false, in.truncated());
        assertEquals(List.of(new FakeCorrelator.Entry(1, "id", "1' OR '1'='1"), new FakeCorrelator.Entry(3, "sid", "ab")),
                in.entries());
    }

    @Test
    void noInputsWithoutAContext() throws Exception {
        FakeCorrelator f = correlator(2);
        CorrelatorClient c = connected(f, FailMode.OPEN);
        View view = new View();
        assertEquals(Reply.VERDICT, c.check("", 1, List.of("SELECT 1"), List.of(), "s", 1000 * MS, view).status);
        assertEquals(0, view.collected.get());
        assertEquals(List.of(0x10), f.order());
    }

    @Test
    void aV1CorrelatorGetsNeitherInputsNorTimeout() throws Exception {
        FakeCorrelator f = correlator(1).rules(ch -> ch.arg(0).equals("slow") ? Answer.allow().after(200) : Answer.allow());
        CorrelatorClient c = connected(f, FailMode.OPEN);
        View view = new View();
        assertEquals(Reply.VERDICT, sql(c, "SELECT 1", 1000, view).status);
        assertEquals(Reply.TIMEOUT, sql(c, "slow", 30, view).status);
        assertEquals(Reply.VERDICT, sql(c, "SELECT 2", 1000, view).status);
        assertEquals(0, view.collected.get());
        assertEquals(List.of(0x10, 0x10, 0x10), f.order());
        assertEquals(0, f.malformed());
        assertTrue(c.isConnected());
    }
}
