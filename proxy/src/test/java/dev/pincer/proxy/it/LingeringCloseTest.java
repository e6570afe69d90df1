package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client still sending a body when Pincer answers (a 413 before the body ended) reads that
 * answer instead of a connection reset: Pincer shuts its write side and discards what follows
 * (RFC 9112 §9.6), for a bounded time only. Regression: EdgeDispositionTest failed in CI with
 * "Connection reset by peer" when the client's 128 KiB body met an already closed socket.
 */
class LingeringCloseTest {
    private MockWebServer upstream;
    private PincerHarness pincer;

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    private Socket refusedUpload() throws Exception {
        upstream = new MockWebServer();
        upstream.enqueue(new MockResponse().setBody("never"));
        pincer = PincerHarness.start(PincerHarness.yaml("limits:\n  max_body_bytes: 1024\n",
                "127.0.0.1:" + upstream.getPort()));
        Socket s = new Socket("127.0.0.1", pincer.port());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: app\r\nContent-Length: 4194304\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    @Test
    void theClientReadsThe413AfterSendingTheRestOfItsBody() throws Exception {
        try (Socket s = refusedUpload()) {
            Thread.sleep(300); // Pincer has answered by now; a socket closed at once would reset what follows
            OutputStream out = s.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 16; i++) { // 1 MiB after the answer: more than any socket buffer holds
                out.write(chunk);
            }
            out.flush();
            s.shutdownOutput();
            String reply = PincerHarness.readAll(s.getInputStream());
            assertEquals(413, PincerHarness.status(reply), reply);
            assertEquals(0, upstream.getRequestCount());
        }
    }

    @Test
    void aClientThatPausesLongerThanTheIdleTimeIsClosed() throws Exception {
        try (Socket s = refusedUpload()) {
            String reply = readToEof(s.getInputStream()); // EOF: Pincer shut its write side
            assertEquals(413, PincerHarness.status(reply), reply);
            Thread.sleep(1_500); // longer than the 1 s pause lingering allows
            assertTrue(writeFails(s.getOutputStream()), "still reading after a 1.5 s pause");
        }
    }

    @Test
    void aClientThatGoesOnSendingIsClosedAfterTheLingeringTime() throws Exception {
        try (Socket s = refusedUpload()) {
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            boolean closed = false;
            try {
                for (int i = 0; i < 200; i++) { // 20 s of 1 KiB every 100 ms, never a 1 s pause
                    out.write(new byte[1024]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                closed = true; // the write met the closed connection
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closed, "still open after " + ms + " ms");
            assertTrue(ms >= 4_500 && ms < 12_000, "closed after " + ms + " ms, not after the 5 s lingering time");
        }
    }

    /** Whether writing to a closed connection fails (the first write may still be buffered). */
    private static boolean writeFails(OutputStream out) throws InterruptedException {
        try {
            for (int i = 0; i < 20; i++) {
                out.write(new byte[1024]);
                out.flush();
                Thread.sleep(50);
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads until EOF; fails on a read timeout (the connection was never closed). */
    private static String readToEof(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open; read so far: " + b, e);
        }
        return b.toString();
    }
}
