package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Slow request bodies through a whole proxy: a body that stalls past {@code body_read_timeout},
 * or that falls behind {@code body_min_rate} after {@code body_rate_grace}, is answered 408,
 * counted and access-logged, and the upstream connection that carried its head is closed, never
 * pooled, with no complete request at the upstream.
 */
class SlowBodyTest {
    private final ListAppender<ILoggingEvent> access = new ListAppender<>();
    private RawUpstream upstream;
    private final AtomicInteger complete = new AtomicInteger();
    private final CountDownLatch upstreamClosed = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        access.start();
        ((Logger) LoggerFactory.getLogger("pincer.access")).addAppender(access);
        upstream = new RawUpstream(s -> {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                got.write(b);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0 && got.size() - end - 4 == 10) { // Content-Length: 10 in every test request
                    complete.incrementAndGet();
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            upstreamClosed.countDown();
        });
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("pincer.access")).detachAppender(access);
        upstream.close();
    }

    private PincerHarness pincer(String limits) throws Exception {
        // upload detection off: it would hold these raw bodies, and the tests are about streamed ones
        return PincerHarness.start(PincerHarness.yaml("limits: { " + limits + " }\nprotection:\n  uploads: { enabled: false }\n",
                upstream.hostPort())
                .replace("access_log: false", "access_log: true"));
    }

    @Test
    void aStalledBodyIs408AndTheUpstreamConnectionIsClosed() throws Exception {
        try (PincerHarness p = pincer("body_read_timeout: 300ms");
             Socket s = new Socket("127.0.0.1", p.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nab".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String r = PincerHarness.readAll(s.getInputStream());
            assertEquals(408, PincerHarness.status(r), r);
            assertTrue(upstreamClosed.await(5, TimeUnit.SECONDS), "the upstream connection was closed");
            assertEquals(0, complete.get());
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"body_timeout"}));
            assertTrue(access.list.stream().anyMatch(e -> e.getFormattedMessage().contains("\"status\":408")
                    && e.getFormattedMessage().contains("/upload")), "access-logged");
        }
    }

    @Test
    void aBodyUnderTheMinimumRateIs408() throws Exception {
        try (PincerHarness p = pincer("body_read_timeout: 10s, body_min_rate: 1k, body_rate_grace: 300ms");
             Socket s = new Socket("127.0.0.1", p.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String r = "";
            for (int i = 0; i < 9; i++) { // a byte every 150ms: ~7 bytes/s, far under 1 KiB/s
                Thread.sleep(150);
                try {
                    out.write('x');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            r = PincerHarness.readAll(s.getInputStream());
            assertEquals(408, PincerHarness.status(r), r);
            assertEquals(0, complete.get());
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"body_too_slow"}));
        }
    }

    @Test
    void aBodyThatKeepsUpIsForwarded() throws Exception {
        try (PincerHarness p = pincer("body_read_timeout: 2s");
             Socket s = new Socket("127.0.0.1", p.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\nConnection: close\r\n\r\nabcde"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);
            out.write("fghij".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertEquals(200, PincerHarness.status(PincerHarness.readAll(s.getInputStream())));
            assertEquals(1, complete.get());
        }
    }
}
