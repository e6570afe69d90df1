package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.proxy.it.FakeParticipant.Phase;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy drives one edge transaction per request (fake participants through
 * {@code PincerServer.useProtection}): a head-phase block costs no upstream connection, a body a
 * step needs is held until it decided ({@code 100-continue} answered by Pincer), a request nothing
 * needs the body of streams, the response phases replace a response not sent yet, and every
 * request's close is told once how it ended.
 */
class EdgeTransactionTest {
    private static final Duration WAIT = Duration.ofSeconds(3);

    private MockWebServer upstream;
    private PincerHarness pincer;
    private volatile String answer = "app says hi";
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                received.add(r.getBody().clone().readUtf8());
                return new MockResponse().setHeader("Content-Type", "text/plain").setBody(answer);
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml("", upstream.getHostName() + ":" + upstream.getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private FakeParticipant use(FakeParticipant p) {
        pincer.server().useProtection(Protection.of(List.of(p), 1024));
        return p;
    }

    private double edgeBlocks(String control) {
        return pincer.metric("pincer_edge_blocks_total", new String[] {"control"}, new String[] {control});
    }

    /** Waits for the close the exchange tells on its event loop (after the answer was written). */
    private static Disposition closed(FakeParticipant p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (p.closes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // a second close, if there were one, would come now
        assertEquals(1, p.closes.size(), "close is told exactly once: " + p.closes);
        return p.closes.peek();
    }

    @Test
    void aHeadPhaseBlockNeverLeasesAnUpstreamConnection() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.HEAD)
                .status(429, List.of(new HeaderField("Retry-After", "7"))));
        try (EventCapture events = new EventCapture()) {
            String r = pincer.raw("GET /x?a=1 HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
            assertEquals(429, PincerHarness.status(r), r);
            assertTrue(r.contains("Retry-After: 7"), r);
            assertTrue(r.toLowerCase().contains("x-request-id: "), r);
            assertEquals(0, upstream.getRequestCount(), "no upstream request");
            assertEquals(1.0, edgeBlocks("fake"));
            assertEquals(Disposition.blockedBy("fake", 429), closed(p));
            String line = events.lines().stream().filter(l -> l.contains("edge_finding")).findFirst().orElseThrow();
            assertTrue(line.contains("\"action\":\"block\"") && line.contains("\"control\":\"fake\"")
                    && line.contains("\"attack_class\":\"scanner\"") && line.contains("\"rule_id\":\"fake-1\"")
                    && line.contains("\"path\":\"/x\"") && line.contains("\"status\":429"), line);
        }
    }

    /** Counted at the socket: not even a TCP connection is made to the upstream for a head block. */
    @Test
    void aHeadPhaseBlockOpensNoUpstreamConnection() throws Exception {
        try (RawUpstream raw = new RawUpstream(s -> s.getInputStream().read());
             PincerHarness other = PincerHarness.start(PincerHarness.yaml("", raw.hostPort()))) {
            FakeParticipant p = new FakeParticipant("fake", Phase.HEAD);
            other.server().useProtection(Protection.of(List.of(p), 1024));
            for (int i = 0; i < 3; i++) {
                assertEquals(403, PincerHarness.status(other.raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n", WAIT)));
            }
            Thread.sleep(50);
            assertEquals(0, raw.connections());
        }
    }

    @Test
    void aHeldBodyWithExpectContinueThatPassesIsForwardedWithoutTheExpectation() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.END).needle("evil"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "POST /f HTTP/1.1\r\nHost: app\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertEquals("HTTP/1.1 100 Continue", RawHttp.line(in));
            assertEquals("", RawHttp.line(in));
            RawHttp.send(s, "good");
            RawHttp.Response r = RawHttp.read(in);
            assertEquals(200, r.status());
            assertEquals("app says hi", r.bodyText());
        }
        RecordedRequest up = upstream.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("good", up.getBody().readUtf8());
        assertEquals(null, up.getHeader("Expect"), "Pincer answered the expectation; the app never sees it");
        assertEquals(Disposition.answered(200), closed(p));
    }

    @Test
    void connectIsRefusedBeforeAnyTransactionOpens() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.HEAD));
        String r = pincer.raw("CONNECT x:1 HTTP/1.1\r\nHost: x:1\r\n\r\n", WAIT);
        assertEquals(405, PincerHarness.status(r), "CONNECT is refused before any transaction");
        assertTrue(p.closes.isEmpty());
    }

    @Test
    void aBodyPhaseBlockWithContentLengthForwardsNothing() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.BODY).needle("evil"));
        String r = pincer.raw("POST /f HTTP/1.1\r\nHost: app\r\nContent-Length: 12\r\n\r\nsome evil!!!", WAIT);
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("fake", 403), closed(p));
    }

    @Test
    void aBodyPhaseBlockOfAChunkedBodyForwardsNothing() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.BODY).needle("evil"));
        String r = pincer.raw("POST /f HTTP/1.1\r\nHost: app\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nsom\r\n6\r\ne evil\r\n0\r\n\r\n", WAIT);
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("fake", 403), closed(p));
    }

    /** The request-end phase decides on the whole held body; a benign one is then forwarded whole. */
    @Test
    void aHeldBodyThatPassesIsForwardedWhole() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.END).needle("evil"));
        String r = pincer.raw("POST /f HTTP/1.1\r\nHost: app\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nall\r\n5\r\n good\r\n0\r\n\r\n", WAIT);
        assertEquals(200, PincerHarness.status(r), r);
        assertEquals(List.of("all good"), received);
        assertEquals(List.of("all good"), new ArrayList<>(p.bodies));
        assertEquals(Disposition.answered(200), closed(p));
        assertEquals(0.0, edgeBlocks("fake"));
    }

    /** Past the prefix the step decided on what it had; the rest streams. Limit + 1. */
    @Test
    void aBodyLongerThanThePrefixIsJudgedOnThePrefix() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.END).needle("evil"));
        String body = "a".repeat(1024) + "evil";
        String r = pincer.raw("POST /f HTTP/1.1\r\nHost: app\r\nConnection: close\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body, WAIT);
        assertEquals(200, PincerHarness.status(r), r);
        assertEquals(List.of(body), received);
        assertEquals(1024, p.bodies.peek().length(), "the step saw exactly the prefix");
    }

    @Test
    void expectContinueIsAnsweredByPincerAndTheBlockedBodyNeverForwarded() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.BODY).needle("evil"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "POST /f HTTP/1.1\r\nHost: app\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertEquals("HTTP/1.1 100 Continue", RawHttp.line(in));
            assertEquals("", RawHttp.line(in));
            RawHttp.send(s, "evil");
            assertEquals(403, RawHttp.read(in).status());
        }
        assertEquals(0, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("fake", 403), closed(p));
    }

    @Test
    void aRequestNoStepNeedsTheBodyOfStreams() throws Exception {
        CountDownLatch firstBytes = new CountDownLatch(1);
        try (RawUpstream raw = new RawUpstream(s -> {
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (!RawHttp.line(in).isEmpty()) {
                // the head
            }
            RawHttp.exactly(in, 5);
            firstBytes.countDown();
            RawHttp.exactly(in, 5);
            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }); PincerHarness streaming = PincerHarness.start(PincerHarness.yaml("", raw.hostPort()))) {
            FakeParticipant p = new FakeParticipant("fake", Phase.NONE);
            streaming.server().useProtection(Protection.of(List.of(p), 1024));
            try (Socket s = RawHttp.connect(streaming.port())) {
                RawHttp.send(s, "POST /s HTTP/1.1\r\nHost: app\r\nContent-Length: 10\r\n\r\nhello");
                assertTrue(firstBytes.await(3, TimeUnit.SECONDS), "the upstream sees bytes before the body ended");
                RawHttp.send(s, "world");
                assertEquals(200, RawHttp.read(s.getInputStream()).status());
            }
            assertEquals(Disposition.answered(200), closed(p));
        }
    }

    @Test
    void aResponseHeadBlockReplacesTheResponse() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.RESPONSE_HEAD).status(502, List.of()));
        String r = pincer.raw("GET /r HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
        assertEquals(502, PincerHarness.status(r), r);
        assertFalse(r.contains("app says hi"), r);
        assertEquals(1, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("fake", 502), closed(p));
    }

    @Test
    void aResponseBodyBlockReplacesTheHeldResponse() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.RESPONSE_BODY).needle("secret"));
        answer = "top secret";
        String r = pincer.raw("GET /r HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
        assertEquals(403, PincerHarness.status(r), r);
        assertFalse(r.contains("top secret"), r);
        assertEquals(Disposition.blockedBy("fake", 403), closed(p));
    }

    @Test
    void aResponseBodyThatPassesIsForwardedUnchanged() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.RESPONSE_BODY).needle("secret"));
        String r = pincer.raw("GET /r HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", WAIT);
        assertEquals(200, PincerHarness.status(r), r);
        assertTrue(r.endsWith("app says hi"), r);
        assertEquals(Disposition.answered(200), closed(p));
    }

    @Test
    void aSuspectIsLoggedAndForwarded() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.HEAD).suspect());
        try (EventCapture events = new EventCapture()) {
            String r = pincer.raw("GET /s HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", WAIT);
            assertEquals(200, PincerHarness.status(r), r);
            List<String> lines = events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
            assertEquals(1, lines.size(), "one event per flagged request: " + lines);
            assertTrue(lines.get(0).contains("\"action\":\"suspect\",\"outcome\":\"cleared\""), lines.get(0));
        }
        assertEquals(0.0, edgeBlocks("fake"), "a suspect is no block");
        assertEquals(Disposition.answered(200), closed(p));
    }

    @Test
    void aResponseBodySuspectIsLoggedAndTheResponseForwarded() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.RESPONSE_BODY).needle("hi").suspect());
        try (EventCapture events = new EventCapture()) {
            String r = pincer.raw("GET /s HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", WAIT);
            assertEquals(200, PincerHarness.status(r), r);
            assertTrue(r.endsWith("app says hi"), r);
            assertTrue(events.lines().stream().anyMatch(l -> l.contains("\"action\":\"suspect\"")),
                    events.lines().toString());
        }
        assertEquals(Disposition.answered(200), closed(p));
    }

    @Test
    void aClientThatLeavesWhileItsBodyIsHeldClosesTheTransaction() throws Exception {
        FakeParticipant p = use(new FakeParticipant("fake", Phase.BODY).needle("evil"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "POST /f HTTP/1.1\r\nHost: app\r\nContent-Length: 100\r\n\r\nhalf");
            Thread.sleep(100);
        }
        Disposition d = closed(p);
        assertFalse(d.blocked());
        assertEquals(0, d.status(), "no response head went out");
        assertEquals(0, upstream.getRequestCount());
    }

    @Test
    void theUnroutedCaseRunsTheTransactionToo() throws Exception {
        PincerHarness other = PincerHarness.start(PincerHarness.yaml("", upstream.getHostName() + ":" + upstream.getPort())
                .replace("path_prefix: /", "path_prefix: /only"));
        try (other) {
            FakeParticipant p = new FakeParticipant("fake", Phase.NONE);
            other.server().useProtection(Protection.of(List.of(p), 1024));
            assertEquals(404, PincerHarness.status(other.raw("GET /else HTTP/1.1\r\nHost: a\r\n\r\n", WAIT)));
            assertNotNull(closed(p));
            assertEquals(Disposition.answered(404), p.closes.peek());
        }
    }
}
