package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies far larger than the proxy's memory stream through with backpressure both ways. Uploads
 * go through a proxy in its own JVM with a 64 MiB heap (Netty's direct memory is bounded by it
 * too), so a proxy that buffered a body would fail with an out-of-memory error; the slow-client
 * download runs in-process and shows the proxy stops reading the upstream when the client stops
 * reading.
 */
class StreamingTest {
    private static final int BLOCK = 64 * 1024;
    private static final Pattern LISTENING = Pattern.compile("listening on /?127\\.0\\.0\\.1:(\\d+)");

    private static RawUpstream counter;
    private static Process proxy;
    private static Path log;
    private static int port;

    /** An upstream that reads a request body (Content-Length or chunked), counting it, and answers with the count. */
    @BeforeAll
    static void startProxyProcess() throws Exception {
        counter = new RawUpstream(s -> {
            InputStream in = new BufferedInputStream(s.getInputStream(), BLOCK);
            String head;
            while ((head = head(in)) != null) {
                long count = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                        ? countChunked(in) : skipExactly(in, contentLength(head));
                String body = Long.toString(count);
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
        });
        Path dir = Files.createTempDirectory("pincer-streaming");
        Path config = dir.resolve("pincer.yaml");
        Files.writeString(config, Configs.yaml("", "limits: { max_body_bytes: 1g }\n", counter.hostPort()));
        log = dir.resolve("pincer.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        proxy = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "dev.pincer.proxy.cli.Main", "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (port == 0) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else if (!proxy.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the proxy process did not start:\n" + Files.readString(log));
            } else {
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopProxyProcess() throws Exception {
        try {
            if (proxy != null) {
                proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (counter != null) {
                counter.close();
            }
        }
    }

    @Test
    void halfGigabyteUploadWithContentLengthStreamsThroughASmallHeap() throws Exception {
        long size = 512L << 20;
        try (Socket s = RawHttp.connect(port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = block();
            for (long sent = 0; sent < size; sent += BLOCK) {
                out.write(block);
            }
            out.flush();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status(), r.statusLine() + " " + r.bodyText() + "\n" + Files.readString(log));
            assertEquals(Long.toString(size), r.bodyText());
        }
        assertTrue(proxy.isAlive(), Files.readString(log));
    }

    @Test
    void quarterGigabyteChunkedUploadStreamsThroughASmallHeap() throws Exception {
        long size = 256L << 20;
        try (Socket s = RawHttp.connect(port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = chunk(block());
            for (long sent = 0; sent < size; sent += BLOCK) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status(), r.statusLine() + " " + r.bodyText() + "\n" + Files.readString(log));
            assertEquals(Long.toString(size), r.bodyText());
        }
        assertTrue(proxy.isAlive(), Files.readString(log));
    }

    /**
     * The upstream writes 256 MiB as fast as a blocking socket lets it while the client reads
     * nothing: what it manages to write is bounded by socket buffers and one read's worth in the
     * proxy, far below the body. Then the client reads it all.
     */
    @Test
    void slowClientStopsTheProxyReadingTheUpstream() throws Exception {
        long size = 256L << 20;
        AtomicLong written = new AtomicLong();
        try (RawUpstream firehose = firehose(size, written);
             PincerHarness p = PincerHarness.start(PincerHarness.yaml("", firehose.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            s.setSoTimeout(60_000);
            RawHttp.send(s, "GET /big HTTP/1.1\r\nHost: a\r\n\r\n");
            Thread.sleep(2000); // time-based on purpose: the client reads nothing for a while
            long whileStalled = written.get();
            assertTrue(whileStalled < (64L << 20), "the upstream wrote " + (whileStalled >> 20)
                    + " MiB to a client that read nothing: the proxy kept reading");
            InputStream in = new BufferedInputStream(s.getInputStream(), BLOCK);
            RawHttp.Response head = RawHttp.read(in, true);
            assertEquals(200, head.status());
            assertEquals(Long.toString(size), head.header("content-length"));
            assertEquals(size, skipExactly(in, size));
            assertEquals(size, written.get());
        }
    }

    /**
     * response_timeout bounds an upstream that stalls. When the client stops reading, the proxy
     * stops reading the upstream on purpose (backpressure), so no upstream activity is expected;
     * the timer used to take that for an upstream stall after response_timeout, count an upstream
     * "timeout" and cut the download short (about 4 of 32 MiB arrived). A client pausing for a
     * while is not the upstream's fault; a client that never reads again is client_idle_timeout's
     * business.
     */
    @Test
    void clientPausingLongerThanResponseTimeoutStillGetsTheWholeBody() throws Exception {
        long size = 32L << 20;
        try (RawUpstream firehose = firehose(size, new AtomicLong());
             PincerHarness p = PincerHarness.start(Configs.yaml("response_timeout: 500ms", "", firehose.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET /big HTTP/1.1\r\nHost: a\r\n\r\n");
            Thread.sleep(1500); // time-based on purpose: the client pauses longer than response_timeout
            InputStream in = new BufferedInputStream(s.getInputStream(), BLOCK);
            assertEquals(200, RawHttp.read(in, true).status());
            assertEquals(size, skipExactly(in, size));
            assertEquals(0, p.metric("pincer_upstream_errors_total", new String[] {"upstream", "kind"},
                    new String[] {"app", "timeout"}));
        }
    }

    /**
     * The other side of the fix above: a client that stops reading for longer than
     * client_idle_timeout in the middle of a response loses its connection, so a reader that never
     * comes back cannot hold a connection (and an upstream connection) forever.
     */
    @Test
    void clientStalledLongerThanClientIdleTimeoutIsDisconnected() throws Exception {
        long size = 64L << 20;
        try (RawUpstream firehose = firehose(size, new AtomicLong());
             PincerHarness p = PincerHarness.start(Configs.yaml("response_timeout: 300ms",
                     "limits: { client_idle_timeout: 1s }\n", firehose.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET /big HTTP/1.1\r\nHost: a\r\n\r\n");
            Thread.sleep(2500); // time-based on purpose: longer than client_idle_timeout
            s.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(s.getInputStream(), BLOCK);
            assertEquals(200, RawHttp.read(in, true).status());
            long got = 0;
            byte[] buf = new byte[BLOCK];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    got += n;
                }
            } catch (java.net.SocketException reset) {
                // closed under us: as good as EOF here
            }
            org.junit.jupiter.api.Assertions.assertTrue(got < size, "the stalled client got the whole body: " + got);
            assertEquals(0, p.metric("pincer_upstream_errors_total", new String[] {"upstream", "kind"},
                    new String[] {"app", "timeout"}));
        }
    }

    /**
     * An upstream that answers one GET with {@code size} bytes, written as fast as a blocking
     * socket allows, counting in {@code written} what it managed to write.
     */
    private static RawUpstream firehose(long size, AtomicLong written) throws IOException {
        return new RawUpstream(s -> {
            ForwardingTest.readHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = block();
            for (long n = 0; n < size; n += BLOCK) {
                out.write(block);
                written.addAndGet(BLOCK);
            }
            out.flush();
            ForwardingTest.readHead(s.getInputStream());
        });
    }

    private static byte[] block() {
        byte[] b = new byte[BLOCK];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A request head through its empty line, or null at EOF before one. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            int n = b.size();
            if (n >= 4 && c == '\n') {
                byte[] a = b.toByteArray();
                if (a[n - 2] == '\r' && a[n - 3] == '\n' && a[n - 4] == '\r') {
                    return b.toString(StandardCharsets.ISO_8859_1);
                }
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static long countChunked(InputStream in) throws IOException {
        long total = 0;
        while (true) {
            String line = RawHttp.line(in);
            int semi = line.indexOf(';');
            long size = Long.parseLong(semi < 0 ? line : line.substring(0, semi), 16);
            if (size == 0) {
                while (!RawHttp.line(in).isEmpty()) {
                    // trailer fields
                }
                return total;
            }
            total += skipExactly(in, size);
            if (!RawHttp.line(in).isEmpty()) {
                throw new IOException("chunk-data not followed by CRLF");
            }
        }
    }

    private static long skipExactly(InputStream in, long n) throws IOException {
        byte[] buf = new byte[BLOCK];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new EOFException((n - left) + " of " + n + " bytes");
            }
            left -= r;
        }
        return n;
    }
}
