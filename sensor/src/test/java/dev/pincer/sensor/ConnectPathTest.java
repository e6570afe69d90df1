package dev.pincer.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.pincer.sensor.testing.FakeCorrelator.Check;
import dev.pincer.sensor.testing.TestHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect entry points of the bridge ({@code Bridge.connect}, {@code connectScope}), as the
 * inlined socket and {@code HttpURLConnection} advice call them, against a fake correlator: what
 * the CHECK carries, when it is not sent, the cache key, the block. No socket is opened: endpoints
 * are built with {@code InetAddress.getByAddress(name, bytes)}, as a resolved name (hosts file, DNS)
 * would give them. The real hooks in a real JVM are in {@code SensorAgentIT}.
 */
class ConnectPathTest {
    private static final String TOKEN = "connect-test-token-0123456789";
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
        st.connectUrl = null;
        st.clearRequest();
        // Blocks a connect to loopback; allows everything else, cached for the request.
        correlator = new FakeCorrelator(TOKEN).rules(c -> "127.0.0.1".equals(c.attrs().get("connect.ip"))
                ? Answer.block("ssrf") : Answer.allow(1));
        sensor = Sensor.start(new SensorConfig("127.0.0.1", correlator.port(), TOKEN, 1000 * MS, true,
                FailMode.OPEN, Log.OFF, "test"), true, FAST);
        assertTrue(FakeCorrelator.await(sensor.client()::isConnected, Duration.ofSeconds(5)));
    }

    @AfterEach
    void tearDown() {
        sensor.stop();
        correlator.close();
        Bridge.requestExit();
        Bridge.state().connectUrl = null;
    }

    private static InetSocketAddress resolved(String name, int a, int b, int c, int d, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByAddress(name, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}),
                port);
    }

    private static void connect(Object endpoint, String api) {
        Bridge.leave(Bridge.connect(endpoint, api));
    }

    @Test
    void aConnectCarriesTheAddressItIsMadeTo() throws Exception {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
        connect(resolved("files.example.net", 93, 184, 215, 14, 443), "SocketChannel.connect");
        Bridge.requestExit();
        Check c = correlator.checks().get(0);
        assertEquals(4, c.kind());
        assertEquals(CTX, c.ctx());
        assertEquals(List.of(""), c.args(), "no URL in progress on the thread");
        assertEquals(Map.of("api", "SocketChannel.connect", "connect.ip", "93.184.215.14", "connect.port", "443",
                "connect.host", "files.example.net"), c.attrs());
    }

    @Test
    void theUrlInProgressIsTheOneTheConnectIsFor() throws Exception {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
        URL url = new URL("http://internal.pincer.test:8080/secret");
        String before = Bridge.connectScope(url.openConnection());
        assertNull(before);
        assertEquals("http://internal.pincer.test:8080/secret", Bridge.state().connectUrl);
        PincerBlockedException e = assertThrows(PincerBlockedException.class,
                () -> Bridge.connect(resolved("internal.pincer.test", 127, 0, 0, 1, 8080), "Socket.connect"));
        assertEquals("url", e.kind());
        assertEquals(0, Bridge.state().guard, "the guard is released when the entry advice throws");
        Bridge.connectScopeEnd(before);
        assertNull(Bridge.state().connectUrl);
        assertTrue(Bridge.requestExit() != null, "the request answers 403");

        Check c = correlator.checks().get(0);
        assertEquals(List.of("http://internal.pincer.test:8080/secret"), c.args());
        assertEquals("127.0.0.1", c.attrs().get("connect.ip"));
        assertEquals("internal.pincer.test", c.attrs().get("connect.host"));
        assertEquals("8080", c.attrs().get("connect.port"));
    }

    @Test
    void noContextOrNoUrlHintSendsNothingAndNotesNothing() throws Exception {
        URL url = new URL("http://internal.pincer.test/");
        connect(resolved("internal.pincer.test", 127, 0, 0, 1, 80), "Socket.connect");
        Bridge.connectScopeEnd(Bridge.connectScope(url.openConnection()));
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 3), null);
        assertNull(Bridge.connectScope(url.openConnection()));
        assertNull(Bridge.state().connectUrl, "without the URL hint nothing is noted");
        assertEquals(0, Bridge.connect(resolved("internal.pincer.test", 127, 0, 0, 1, 80), "Socket.connect"));
        Bridge.requestExit();
        assertEquals(List.of(), correlator.checks());
    }

    @Test
    void silentInsideOtherSinksAndInsideAConnectButNotInsideAUrlSink() throws Exception {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 7), null);
        int sql = Bridge.sql("SELECT 1", "executeQuery");
        assertEquals(0, Bridge.connect(resolved("db.internal", 10, 0, 0, 1, 5432), "Socket.connect"),
                "a connect inside another kind of sink is that sink's business");
        Bridge.leave(sql);
        int own = 1 << Bridge.CONNECT;
        Bridge.state().guard = own;
        assertEquals(0, Bridge.connect(resolved("correlator", 10, 0, 0, 2, 7701), "Socket.connect"),
                "the sensor's own connection holds the connect bit");
        Bridge.state().guard = 0;
        correlator.clearChecks();
        int url = Bridge.url(new URL("http://api.example.com/"), "send");
        int inside = Bridge.connect(resolved("api.example.com", 93, 184, 215, 14, 80), "SocketChannel.connect");
        assertEquals(own, inside, "an HttpClient running its exchange on the caller's thread connects inside send");
        assertEquals(0, Bridge.connect(resolved("api.example.com", 93, 184, 215, 14, 80), "Socket.connect"),
                "a connect inside a connect reports once");
        Bridge.leave(inside);
        Bridge.leave(url);
        assertEquals(0, Bridge.state().guard);
        Bridge.requestExit();
        assertEquals(List.of(4, 4), correlator.checks().stream().map(Check::kind).toList());
        assertEquals("93.184.215.14", correlator.checks().get(1).attrs().get("connect.ip"));
    }

    /**
     * {@code HttpClient} runs an exchange on its own threads: the context of the thread that
     * created the exchange goes with it for each attempt, with the attempt's URI in progress, and
     * leaves with it. An exchange created without a context, or a thread serving its own request,
     * takes nothing on.
     */
    @Test
    void anHttpClientExchangeCarriesTheContextToTheClientThread() throws Exception {
        Object exchange = new Object();
        Object anonymous = new Object();
        Bridge.exchangeCreated(anonymous);
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
        Bridge.exchangeCreated(exchange);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://rebind.pincer.test:8080/x")).build();
        Object own = Bridge.exchangeEnter(exchange, request);
        assertEquals(CTX, Bridge.state().ctx, "the request's own thread keeps its context");
        assertEquals("http://rebind.pincer.test:8080/x", Bridge.state().connectUrl, "and notes the URI");
        Bridge.exchangeLeave(own);
        assertNull(Bridge.state().connectUrl);
        Bridge.requestExit();

        java.util.concurrent.atomic.AtomicReference<Throwable> blocked = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<String> after = new java.util.concurrent.atomic.AtomicReference<>("?");
        Thread worker = new Thread(() -> {
            assertNull(Bridge.exchangeEnter(anonymous, request), "created without a context");
            Object saved = Bridge.exchangeEnter(exchange, request);
            try {
                Bridge.connect(resolved("rebind.pincer.test", 127, 0, 0, 1, 8080), "SocketChannel.connect");
            } catch (Throwable t) {
                blocked.set(t);
            } finally {
                Bridge.exchangeLeave(saved);
            }
            ThreadState st = Bridge.state();
            after.set(st.ctx + " " + st.hint + " " + st.connectUrl + " " + st.guard);
        });
        worker.start();
        worker.join(5000);
        assertTrue(blocked.get() instanceof PincerBlockedException, String.valueOf(blocked.get()));
        assertEquals("null 0 null 0", after.get(), "the client thread is back to its own state");
        Check c = correlator.checks().get(0);
        assertEquals(CTX, c.ctx());
        assertEquals(List.of("http://rebind.pincer.test:8080/x"), c.args());
        assertEquals("127.0.0.1", c.attrs().get("connect.ip"));
    }

    /** A kept-alive connection reused from the cache: checked by the address it is connected to. */
    @Test
    void aReusedConnectionIsCheckedByItsAddress() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                java.net.Socket socket = new java.net.Socket()) {
            socket.connect(resolved("internal.pincer.test", 127, 0, 0, 1, server.getLocalPort()));
            URL url = new URL("http://internal.pincer.test:" + server.getLocalPort() + "/again");
            Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
            Bridge.reusedConnection(false, url, socket);
            assertEquals(List.of(), correlator.checks(), "a fresh connection was checked at its connect");
            Bridge.state().connectUrl = "http://outer.example/";
            assertThrows(PincerBlockedException.class, () -> Bridge.reusedConnection(true, url, socket));
            assertEquals(0, Bridge.state().guard);
            assertEquals("http://outer.example/", Bridge.state().connectUrl, "the URL in progress is restored");
            Bridge.requestExit();
            Bridge.reusedConnection(true, url, socket);
            Check c = correlator.checks().get(0);
            assertEquals(1, correlator.checks().size(), "no context: nothing asked");
            assertEquals(List.of(url.toExternalForm()), c.args());
            assertEquals(Map.of("api", "HttpURLConnection.reuse", "connect.ip", "127.0.0.1", "connect.port",
                    String.valueOf(server.getLocalPort()), "connect.host", "internal.pincer.test"), c.attrs());
        }
    }

    @Test
    void unresolvedAndNonIpEndpointsAreNotChecked() throws Exception {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
        connect(InetSocketAddress.createUnresolved("socks.example", 80), "Socket.connect");
        connect(null, "Socket.connect");
        connect("not an address", "SocketChannel.connect");
        Bridge.requestExit();
        assertEquals(List.of(), correlator.checks());
    }

    /**
     * The URL's text was allowed and cached for the request; the connect of the same URL must still
     * be asked about, since its verdict depends on the address. A second connect to the same address
     * uses its own cached verdict; one to another address asks again.
     */
    @Test
    void anAllowOfTheUrlTextNeverStandsForTheConnect() throws Exception {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 4), null);
        URL url = new URL("http://rebind.pincer.test/");
        Bridge.leave(Bridge.url(url, "openConnection"));
        Bridge.leave(Bridge.url(url, "openConnection"));
        String before = Bridge.connectScope(url.openConnection());
        connect(resolved("rebind.pincer.test", 93, 184, 215, 14, 80), "Socket.connect");
        connect(resolved("rebind.pincer.test", 93, 184, 215, 14, 80), "Socket.connect");
        assertThrows(PincerBlockedException.class,
                () -> Bridge.connect(resolved("rebind.pincer.test", 127, 0, 0, 1, 80), "Socket.connect"));
        Bridge.connectScopeEnd(before);
        Bridge.requestExit();
        List<Check> checks = correlator.checks();
        assertEquals(3, checks.size(), checks.toString());
        assertEquals(Map.of("api", "URL.openConnection"), checks.get(0).attrs());
        assertEquals("93.184.215.14", checks.get(1).attrs().get("connect.ip"));
        assertEquals("127.0.0.1", checks.get(2).attrs().get("connect.ip"));
    }
}
