package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.proxy.testing.PincerHarness;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge controls as configured, through the real server: the registry wires them into every
 * route, a block costs no upstream request, and the mode decides what a block becomes (monitor
 * logs it and blocks nothing; an event never claims a block that did not happen).
 */
class EdgeControlsTest {
    private static final Duration T = Duration.ofSeconds(5);
    private MockWebServer upstream;
    private PincerHarness pincer;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private void pincer(String protection) throws Exception {
        pincer = PincerHarness.start(PincerHarness.yaml(protection, "127.0.0.1:" + upstream.getPort()));
    }

    private String get(String path) throws Exception {
        return pincer.raw("GET " + path + " HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", T);
    }

    @Test
    void aDeniedClientGets403AndTheAppSeesNothing() throws Exception {
        pincer("protection:\n  ip_filter: { deny: [127.0.0.0/8] }\n");
        try (EventCapture events = new EventCapture()) {
            assertEquals(403, PincerHarness.status(get("/")));
            assertTrue(events.lines().stream().anyMatch(l -> l.contains("\"action\":\"block\"")
                    && l.contains("\"control\":\"ip_filter\"")), events.lines().toString());
        }
        assertEquals(0, upstream.getRequestCount());
        assertEquals(1.0, pincer.metric("pincer_edge_blocks_total", new String[] {"control"}, new String[] {"ip_filter"}));
    }

    @Test
    void inMonitorModeADenyIsLoggedNotBlocked() throws Exception {
        pincer("protection:\n  mode: monitor\n  ip_filter: { deny: [127.0.0.0/8] }\n");
        upstream.enqueue(new MockResponse().setBody("ok"));
        try (EventCapture events = new EventCapture()) {
            assertEquals(200, PincerHarness.status(get("/")));
            assertTrue(events.lines().stream().anyMatch(l -> l.contains("\"action\":\"monitor\"")
                    && l.contains("\"control\":\"ip_filter\"")), events.lines().toString());
            assertTrue(events.lines().stream().noneMatch(l -> l.contains("\"action\":\"block\"")), events.lines().toString());
        }
        assertEquals(1, upstream.getRequestCount());
        assertEquals(0.0, pincer.metric("pincer_edge_blocks_total", new String[] {"control"}, new String[] {"ip_filter"}));
    }

    @Test
    void aRouteInMonitorModeObservesWhileTheOthersBlock() throws Exception {
        pincer = PincerHarness.start("listen: 127.0.0.1:0\nadmin: 127.0.0.1:0\naccess_log: false\n"
                + "upstreams:\n  app:\n    servers: [127.0.0.1:" + upstream.getPort() + "]\n"
                + "routes:\n"
                + "  - match: { path_prefix: /watch }\n    upstream: app\n    protection: { mode: monitor }\n"
                + "  - match: { path_prefix: / }\n    upstream: app\n"
                + "protection:\n  ip_filter: { deny: [127.0.0.0/8] }\n");
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(get("/watch/x")));
        assertEquals(403, PincerHarness.status(get("/other")));
        assertEquals(1, upstream.getRequestCount());
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        pincer("protection:\n  rate_limits: [{ name: per_ip, key: ip, rate: 1/m, burst: 2 }]\n");
        for (int i = 0; i < 2; i++) {
            upstream.enqueue(new MockResponse().setBody("ok"));
            assertEquals(200, PincerHarness.status(get("/")), "request " + (i + 1) + " is within the burst");
        }
        String third = get("/");
        assertEquals(429, PincerHarness.status(third), third);
        assertTrue(third.toLowerCase(java.util.Locale.ROOT).contains("\r\nretry-after: "), third);
        assertEquals(2, upstream.getRequestCount(), "the limit + 1st request never reached the app");
    }

    @Test
    void blockedRequestsFromAnyControlLeadToABanThatListsOnTheAdminListener() throws Exception {
        pincer("protection:\n  rate_limits: [{ name: per_ip, key: ip, rate: 1/m, burst: 1 }]\n"
                + "  bans: { enabled: true, after: 2, within: 1m, ban_for: 10m }\n");
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(get("/")));
        assertEquals(429, PincerHarness.status(get("/")));
        assertEquals(429, PincerHarness.status(get("/")), "the second block is the ban's second strike");
        String banned = get("/");
        assertEquals(403, PincerHarness.status(banned), banned);
        String bans = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                pincer.adminUri("/bans")).timeout(T).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(bans.contains("127.0.0.1"), bans);
        assertEquals(1, upstream.getRequestCount());
    }
}
