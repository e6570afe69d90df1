package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.reload.ConfigReloader;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Config reload on a running proxy: a valid file applies to new requests without dropping open
 * connections; an invalid one is refused, counted, and leaves the running config in place; a
 * change to the watched file is picked up on its own.
 */
class ReloadTest {
    private MockWebServer a;
    private MockWebServer b;
    private PincerHarness pincer;

    @BeforeEach
    void start() throws Exception {
        a = named("A");
        b = named("B");
        pincer = PincerHarness.start(PincerHarness.yaml("", "127.0.0.1:" + a.getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        a.shutdown();
        b.shutdown();
    }

    @Test
    void validReloadAppliesToNewRequestsAndKeepsOpenConnections() throws Exception {
        try (Socket before = RawHttp.connect(pincer.port())) {
            assertEquals("A", get(before));
            Files.writeString(pincer.configFile(), PincerHarness.yaml("", "127.0.0.1:" + b.getPort()));
            assertTrue(new ConfigReloader(pincer.configFile(), pincer.server()).reload("test"));
            assertEquals("B", get(), "a new request went to the old upstream");
            assertEquals("B", get(before), "the connection opened before the reload is unusable");
            assertEquals(1, reloads("success"));
        }
    }

    @Test
    void invalidReloadIsRefusedAndTheRunningConfigStays() throws Exception {
        ConfigReloader reloader = new ConfigReloader(pincer.configFile(), pincer.server());
        Files.writeString(pincer.configFile(), PincerHarness.yaml("", "127.0.0.1:" + b.getPort()));
        assertTrue(reloader.reload("test"));
        Files.writeString(pincer.configFile(), PincerHarness.yaml("limits: { max_body_bytes: lots }\n",
                "127.0.0.1:" + a.getPort()));
        assertFalse(reloader.reload("test"));
        assertEquals(1, reloads("failure"));
        assertEquals("B", get());
        assertEquals("B", get());
    }

    @Test
    void changedFileIsReloadedByTheWatcher() throws Exception {
        ConfigReloader reloader = new ConfigReloader(pincer.configFile(), pincer.server()).start();
        try {
            assertEquals("A", get());
            Files.writeString(pincer.configFile(), PincerHarness.yaml("", "127.0.0.1:" + b.getPort()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String last = get();
            while (!last.equals("B") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                last = get();
            }
            assertEquals("B", last, "the file change was not picked up within 5 s");
            assertEquals(1, reloads("success"));
        } finally {
            reloader.close();
        }
    }

    private String get() throws IOException {
        try (Socket s = RawHttp.connect(pincer.port())) {
            return get(s);
        }
    }

    private static String get(Socket s) throws IOException {
        RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        RawHttp.Response r = RawHttp.read(s.getInputStream());
        assertEquals(200, r.status(), r.statusLine());
        return r.bodyText();
    }

    private double reloads(String outcome) {
        return pincer.metric("pincer_config_reloads_total", new String[] {"outcome"}, new String[] {outcome});
    }

    private static MockWebServer named(String name) throws IOException {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody(name);
            }
        });
        s.start();
        return s;
    }
}
