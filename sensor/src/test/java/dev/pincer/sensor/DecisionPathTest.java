package dev.pincer.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.PincerBlockedException;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.client.Timing;
import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Answer;
import dev.pincer.sensor.testing.TestHeaders;
import java.io.File;
import java.io.ObjectStreamClass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision path through the bridge's static entry points (what inlined advice calls), with an
 * in-process sensor and a fake correlator: hint gating, the re-entry guard, the caches, the block
 * exception and the fail modes.
 */
class DecisionPathTest {
    private static final String TOKEN = "decision-test-token-0123456789";
    private static final String CTX = "0123456789abcdef0123456789abcdef";
    private static final long MS = 1_000_000L;
    private static final Timing FAST = new Timing(15_000 * MS, 10_000 * MS, 100 * MS, 20 * MS, 200 * MS,
            2_000 * MS, 20 * MS);

    private FakeCorrelator correlator;
    private Sensor sensor;

    @BeforeEach
    void setUp() throws Exception {
        Log.setLevel(Log.OFF);
        ThreadState st = Bridge.state();
        st.guard = 0;
        st.depth = 0;
        st.clearRequest();
        correlator = new FakeCorrelator(TOKEN).rules(c -> c.args().stream().anyMatch(a -> a.contains("EVIL"))
                ? Answer.block("test") : Answer.allow());
    }

    @AfterEach
    void tearDown() {
        if (sensor != null) {
            sensor.stop();
        }
        correlator.close();
        Bridge.requestExit();
    }

    private void start(FailMode fail, long timeoutMs) throws Exception {
        sensor = Sensor.start(new SensorConfig("127.0.0.1", correlator.port(), TOKEN, timeoutMs * MS, true, fail,
                Log.OFF, "test"), true, FAST);
        assertTrue(FakeCorrelator.await(sensor.client()::isConnected, Duration.ofSeconds(5)));
    }

    private static void sql(String q) {
        Bridge.leave(Bridge.sql(q, "executeQuery"));
    }

    private static void exec(String... argv) {
        Bridge.leave(Bridge.exec(List.of(argv), null));
    }

    @Test
    void noContextSkipsFamiliesButChecksExec() throws Exception {
        start(FailMode.OPEN, 1000);
        sql("SELECT 1");
        Bridge.fileOpen(new File("/tmp/x"), true, "FileOutputStream");
        Bridge.leave(Bridge.url("http://example.com/", "openConnection"));
        exec("true");
        List<FakeCorrelator.Check> checks = correlator.checks();
        assertEquals(1, checks.size(), checks.toString());
        assertEquals(2, checks.get(0).kind());
        assertEquals("", checks.get(0).ctx());
        assertEquals(List.of("true"), checks.get(0).args());
        assertTrue(checks.get(0).attrs().get("exe.path").endsWith("/true"), checks.get(0).attrs().toString());
        assertEquals(64, checks.get(0).attrs().get("exe.sha256").length());
    }

    /**
     * Issue 8: the command string noted by {@code Runtime.exec(String)}'s advice reaches the CHECK
     * while (and only while) that call runs, and only when it splits into the argv being started; the
     * builder's environment is reported by what differs from the JVM's.
     */
    @Test
    void execFormAndEnvironmentReachTheCheck() throws Exception {
        start(FailMode.OPEN, 1000);
        String outer = Bridge.execString("true\t ");
        exec("true");
        String inner = Bridge.execString("other command");
        exec("true");
        Bridge.execStringDone(inner);
        exec("true", "x");
        Bridge.execStringDone(outer);
        exec("true");
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("PINCER_TEST_VAR", "v");
        Bridge.leave(Bridge.exec(List.of("true"), null, env));
        List<FakeCorrelator.Check> checks = correlator.checks();
        assertEquals(5, checks.size(), checks.toString());
        assertEquals("string", checks.get(0).attrs().get("exec.form"));
        assertEquals("true\t ", checks.get(0).attrs().get("exec.command"));
        assertEquals("argv", checks.get(1).attrs().get("exec.form"), "another command does not split into [true]");
        assertEquals("argv", checks.get(2).attrs().get("exec.form"), "the outer command does not split into [true, x]");
        assertEquals("argv", checks.get(3).attrs().get("exec.form"), "the call is over: nothing noted");
        assertNull(Bridge.state().execCommand);
        assertEquals("v", checks.get(4).attrs().get("env.PINCER_TEST_VAR"));
        assertEquals(1, checks.get(4).attrs().keySet().stream().filter(k -> k.startsWith("env.")).count(),
                checks.get(4).attrs().toString());
    }

    @Test
    void hintBitsGateTheirFamilies() throws Exception {
        start(FailMode.OPEN, 1000);
        assertTrue(Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), "shop.example"));
        sql("SELECT * FROM t WHERE a = 'x'");
        Bridge.fileOpen(new File("report.txt"), false, "FileInputStream");
        Bridge.leave(Bridge.redirect("/home"));
        assertNull(Bridge.requestExit());

        List<FakeCorrelator.Check> checks = correlator.checks();
        assertEquals(1, checks.size(), checks.toString());
        FakeCorrelator.Check c = checks.get(0);
        assertEquals(1, c.kind());
        assertEquals(CTX, c.ctx());
        assertEquals(List.of("SELECT * FROM t WHERE a = 'x'"), c.args());
        assertEquals("executeQuery", c.attrs().get("method"));
        // Sensor frames (this test's class among them) and JDK frames are left out.
        assertTrue(c.stack().startsWith("org.junit."), c.stack());
        assertFalse(c.stack().contains("dev.pincer.sensor."), c.stack());

        correlator.clearChecks();
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 6), "shop.example");
        sql("SELECT 2");
        Bridge.fileOpen(new File("a/../report.txt"), false, "FileInputStream");
        Bridge.leave(Bridge.header("location", "https://elsewhere.example/"));
        Bridge.leave(Bridge.header("Content-Type", "text/html"));
        Bridge.requestExit();
        checks = correlator.checks();
        assertEquals(2, checks.size(), checks.toString());
        assertEquals(3, checks.get(0).kind());
        assertEquals("a/../report.txt", checks.get(0).arg(0));
        assertEquals(new File("report.txt").getAbsolutePath(), checks.get(0).arg(1));
        assertEquals("read", checks.get(0).arg(2));
        assertEquals(5, checks.get(1).kind());
        assertEquals("shop.example", checks.get(1).attrs().get("request.host"));
    }

    /**
     * File calls: the mode from the method (and the options), both paths of a two-path method (a
     * relative link target resolved against the link's directory), the platform attr, silence
     * inside another file call, the guard released by a block, and a zip constructor's own stat of
     * its file not reported again (a later delete of it is).
     */
    @Test
    void fileCallsCarryTheirModesAndPlatformAndReportOnce() throws Exception {
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), "shop.example");
        Bridge.leave(Bridge.fileCall(new File("/srv/files/a.txt"), null, "exists"));
        Bridge.requestExit();
        assertEquals(List.of(), correlator.checks(), "no path bit, no check");

        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 2), "shop.example");
        int outer = Bridge.fileCall(new File("/srv/files/a.txt"), null, "delete");
        Bridge.leave(Bridge.fileCall(new File("/srv/files/a.txt"), null, "exists"));
        Bridge.fileOpen(new File("/srv/files/a.txt"), false, "FileInputStream");
        Bridge.leave(outer);
        Bridge.leave(Bridge.fileCall(java.nio.file.Path.of("/srv/files/b.txt"), java.nio.file.Path.of("/srv/files/c.txt"),
                "move"));
        Bridge.leave(Bridge.fileCall(java.nio.file.Path.of("/srv/files/d"),
                java.util.Set.of(java.nio.file.StandardOpenOption.WRITE), "newByteChannel"));
        Bridge.leave(Bridge.fileCall(java.nio.file.Path.of("/srv/files/link"), java.nio.file.Path.of("target.txt"),
                "createSymbolicLink"));
        Bridge.leave(Bridge.fileCall(null, null, "createTempFile"));
        Bridge.fileOpen(new File("/srv/files/u.zip"), Bridge.READ, "ZipFile");
        Bridge.leave(Bridge.fileCall(java.nio.file.Path.of("/srv/files/u.zip"), Object.class, "readAttributes"));
        Bridge.leave(Bridge.fileCall(new File("/srv/files/u.zip"), null, "delete"));
        assertThrows(PincerBlockedException.class, () -> Bridge.fileCall(new File("/srv/EVIL"), null, "listFiles"));
        assertEquals(0, Bridge.state().guard, "a block releases the guard");
        Bridge.requestExit();

        List<FakeCorrelator.Check> checks = correlator.checks();
        List<String> seen = checks.stream().map(c -> c.arg(1) + " " + c.arg(2) + " " + c.attrs().get("api")).toList();
        assertEquals(List.of("/srv/files/a.txt delete delete", "/srv/files/b.txt delete move",
                "/srv/files/c.txt write move", "/srv/files/d write newByteChannel",
                "/srv/files/link write createSymbolicLink", "/srv/files/target.txt read createSymbolicLink",
                "/srv/files/u.zip read ZipFile", "/srv/files/u.zip delete delete", "/srv/EVIL list listFiles"), seen);
        assertEquals("target.txt", checks.get(5).arg(0));
        assertTrue(checks.stream().allMatch(c -> c.kind() == 3 && CTX.equals(c.ctx())
                && "unix".equals(c.attrs().get("fs"))), checks.toString());
    }

    @Test
    void hintZeroStillChecksAlwaysCheckedKinds() throws Exception {
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 0), null);
        sql("SELECT 1");
        Bridge.leave(Bridge.jndi("ldap://x/y"));
        Bridge.leave(Bridge.deserialize(ObjectStreamClass.lookup(String.class)));
        Bridge.requestExit();
        List<FakeCorrelator.Check> checks = correlator.checks();
        assertEquals(List.of(9, 8), checks.stream().map(FakeCorrelator.Check::kind).toList());
        assertEquals(CTX, checks.get(0).ctx());
        assertEquals("java.lang.String", checks.get(1).arg(0));
    }

    @Test
    void blockThrowsBeforeTheSinkAndTheRequestExitAnswers403() throws Exception {
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 7), null);
        PincerBlockedException e = assertThrows(PincerBlockedException.class, () -> Bridge.sql("' OR 'EVIL'='EVIL", "executeQuery"));
        assertEquals(CTX, e.ctx());
        assertEquals("sql", e.kind());
        assertEquals(0, Bridge.state().guard, "the guard is released when the entry advice throws");
        assertTrue(Bridge.isBlock(new RuntimeException(new IllegalStateException(e))));
        assertEquals("Blocked by Pincer (request " + CTX + ")\n", Bridge.requestExit());
        assertEquals(0, Bridge.state().depth);
        assertNull(Bridge.state().ctx);
    }

    @Test
    void nestedRequestEntriesKeepTheOuterContext() throws Exception {
        start(FailMode.OPEN, 1000);
        assertTrue(Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), null));
        assertFalse(Bridge.requestEnter(TestHeaders.sign(TOKEN, "ffffffffffffffffffffffffffffffff", 0), null));
        assertEquals(CTX, Bridge.state().ctx);
        assertNull(Bridge.requestExit());
        assertEquals(CTX, Bridge.state().ctx);
        assertNull(Bridge.requestExit());
        assertNull(Bridge.state().ctx);
    }

    @Test
    void forgedOrExpiredHeaderMeansNoContext() throws Exception {
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign("some-other-token-000000", CTX, 7), null);
        assertNull(Bridge.state().ctx);
        sql("SELECT 'EVIL'");
        exec("true");
        Bridge.requestExit();
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 7, 1_000_000_000L), null);
        assertNull(Bridge.state().ctx);
        Bridge.requestExit();
        assertEquals(1, correlator.checks().size());
        assertEquals("", correlator.checks().get(0).ctx());
        assertEquals(2, sensor.contexts().rejected());
    }

    @Test
    void oneSinkInsideAnotherReportsOnce() throws Exception {
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 7), null);
        int outer = Bridge.ldap("dc=example", "(uid=x)");
        assertNotEquals(0, outer);
        assertEquals(0, Bridge.ldap("dc=example", "(uid=x)"), "same kind nested: silent");
        assertEquals(0, Bridge.sql("SELECT 1", "executeQuery"), "other kind nested: silent");
        assertEquals(0, Bridge.jndi("ldap://x/dc=example"), "a lookup inside an LDAP search: silent");
        Bridge.fileOpen(new File("x"), false, "FileInputStream");
        int deser = Bridge.deserialize(ObjectStreamClass.lookup(Integer.class));
        assertNotEquals(0, deser, "always-checked kinds are checked even nested");
        assertEquals(0, Bridge.deserialize(ObjectStreamClass.lookup(Integer.class)));
        Bridge.leave(deser);
        Bridge.leave(outer);
        assertEquals(0, Bridge.state().guard);
        Bridge.requestExit();
        assertEquals(List.of(6, 8), correlator.checks().stream().map(FakeCorrelator.Check::kind).toList());
    }

    @Test
    void requestCacheHoldsForTheRequestOnly() throws Exception {
        correlator.rules(c -> Answer.allow(1));
        start(FailMode.OPEN, 1000);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), null);
        sql("SELECT 1");
        sql("SELECT 1");
        sql("SELECT 2");
        Bridge.requestExit();
        assertEquals(2, correlator.checks().size());
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), null);
        sql("SELECT 1");
        Bridge.requestExit();
        assertEquals(3, correlator.checks().size());
    }

    @Test
    void processCacheHoldsAcrossRequests() throws Exception {
        correlator.rules(c -> c.arg(0).contains("EVIL") ? Answer.block("deser").cached(2) : Answer.allow(2));
        start(FailMode.OPEN, 1000);
        for (int i = 0; i < 3; i++) {
            Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 0), null);
            Bridge.leave(Bridge.deserialize(ObjectStreamClass.lookup(java.util.ArrayList.class)));
            Bridge.requestExit();
        }
        exec("true");
        exec("true");
        assertEquals(2, correlator.checks().size());
        // A cached block blocks without a round trip.
        assertThrows(PincerBlockedException.class, () -> Bridge.jndi("EVIL"));
        assertThrows(PincerBlockedException.class, () -> Bridge.jndi("EVIL"));
        assertEquals(3, correlator.checks().size());
    }

    @Test
    void monitorLetsTheSinkRun() throws Exception {
        correlator.rules(c -> Answer.monitor("cmdi"));
        start(FailMode.CLOSED, 1000);
        exec("sh", "-c", "id");
        assertEquals(1, correlator.checks().size());
    }

    @Test
    void timeoutFailsOpen() throws Exception {
        correlator.rules(c -> Answer.silence());
        start(FailMode.OPEN, 30);
        long t0 = System.nanoTime();
        exec("true");
        assertTrue(System.nanoTime() - t0 < 1000 * MS);
        assertEquals(1, sensor.counters().totalFailOpen());
        assertEquals(1, sensor.counters().totalTimeouts());
        assertTrue(FakeCorrelator.await(() -> !correlator.reports().isEmpty(), Duration.ofSeconds(3)));
        assertEquals(1, correlator.reports().get(0)[0]);
        assertEquals(1, correlator.reports().get(0)[2]);
    }

    @Test
    void timeoutFailsClosed() throws Exception {
        correlator.rules(c -> Answer.silence());
        start(FailMode.CLOSED, 30);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 7), null);
        PincerBlockedException e = assertThrows(PincerBlockedException.class, () -> exec("true"));
        assertTrue(e.getMessage().contains("fail-closed: timeout"), e.getMessage());
        assertEquals(1, sensor.counters().totalFailClosed());
        assertTrue(Bridge.requestExit().startsWith("Blocked by Pincer (request " + CTX));
    }

    @Test
    void disconnectedFailsAtOnce() throws Exception {
        start(FailMode.CLOSED, 5000);
        correlator.close();
        assertTrue(FakeCorrelator.await(() -> !sensor.client().isConnected(), Duration.ofSeconds(3)));
        long t0 = System.nanoTime();
        assertThrows(PincerBlockedException.class, () -> exec("true"));
        assertTrue(System.nanoTime() - t0 < 500 * MS, "no wait for the timeout while disconnected");
    }

    @Test
    void withoutDispatcherEverythingRuns() {
        Bridge.dispatcher = null;
        Bridge.requestEnter("garbage", null);
        exec("true");
        sql("SELECT 'EVIL'");
        assertNull(Bridge.requestExit());
        assertEquals(0, Bridge.state().guard);
    }
}
