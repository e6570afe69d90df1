package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.CrsTree;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies larger than the held prefix, with the rules on (uploads): the body is held whole
 * for phase 2 (nothing upstream before it decides), in memory up to {@code limits.body_memory_bytes}
 * and spooled to a file in {@code limits.body_spool_dir} beyond, then forwarded byte for byte. The
 * spool file is gone (its descriptor closed, nothing in the directory, its bytes back in the global
 * budget) after a pass, a block and a client abort; every new limit is tried at it and one past it.
 */
class UploadSpoolTest {
    private static final Duration T = Duration.ofSeconds(20);
    private static final String BOUNDARY = "----pincerUploadBoundary7MA4YWxkTrZu0gW";
    private MockWebServer upstream;
    private PincerHarness pincer;

    @TempDir
    Path spool;
    @TempDir
    Path dir;

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

    private static String crs() {
        Path c = CrsTree.dir();
        return "  rules: [" + c.resolve("crs-setup.conf.example") + ", \"" + c.resolve("rules") + "/*.conf\"]\n";
    }

    private void startPincer(String limits, String protection) throws Exception {
        pincer = PincerHarness.start(PincerHarness.yaml("limits:\n  body_spool_dir: " + spool + "\n" + limits
                + "protection:\n  mode: edge\n" + protection, "127.0.0.1:" + upstream.getPort()));
    }

    /** A JPEG-looking file of {@code size} bytes: the upload control's type check sees a JPEG. */
    private static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        byte[] magic = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    static byte[] multipart(String note, String filename, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] request(String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST /upload HTTP/1.1\r\nHost: app\r\nUser-Agent: test\r\nAccept: */*\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private String upload(byte[] body) throws IOException {
        return pincer.raw(request("multipart/form-data; boundary=" + BOUNDARY, body), T);
    }

    private double metric(String name) {
        return pincer.metric(name);
    }

    /** Spool files still open by this JVM (Linux: unlinked files show as "... (deleted)" in /proc/self/fd). */
    private long openSpoolFiles() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed while listed
                }
            }).filter(t -> t.startsWith(spool.toString())).count();
        }
    }

    private void assertSpoolGone() throws Exception {
        assertEquals(0.0, eventually(() -> metric("pincer_body_spool_bytes"), 0.0), "spool budget given back");
        long end = System.nanoTime() + T.toNanos();
        while (openSpoolFiles() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(0, openSpoolFiles(), "no spool file left open");
        try (Stream<Path> s = Files.list(spool)) {
            assertEquals(0, s.count(), "nothing left in the spool directory");
        }
    }

    private static double eventually(DoubleSupplier m, double want) throws InterruptedException {
        long end = System.nanoTime() + T.toNanos();
        double v = m.getAsDouble();
        while (v != want && System.nanoTime() < end) {
            Thread.sleep(10);
            v = m.getAsDouble();
        }
        return v;
    }

    @Test
    void aTwoMebibyteUploadUnderCrsReachesTheAppByteForByte() throws Exception {
        startPincer("", crs());
        upstream.enqueue(new MockResponse().setBody("stored"));
        byte[] body = multipart("holiday at the sea", "photo.jpg", jpeg(2 << 20));
        String r = upload(body);
        assertEquals(200, PincerHarness.status(r), r);
        RecordedRequest got = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertArrayEquals(body, got.getBody().readByteArray(), "the body goes up exactly as received");
        assertEquals(Integer.toString(body.length), got.getHeader("Content-Length"));
        assertEquals(1.0, metric("pincer_body_spooled_requests_total"));
        assertTrue(metric("pincer_body_spooled_bytes_total") >= body.length - 128 * 1024,
                "past the memory bound the body was spooled");
        assertSpoolGone();
    }

    @Test
    void anAttackInTheNonFilePartOfATwoMebibyteUploadIsBlocked() throws Exception {
        startPincer("", crs());
        String r = upload(multipart("<script>alert(document.cookie)</script>", "photo.jpg", jpeg(2 << 20)));
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount(), "nothing went upstream before phase 2 decided");
        assertEquals(1.0, metric("pincer_body_spooled_requests_total"));
        assertSpoolGone();
    }

    /** CRS 933110 reads FILES: a PHP file name past the prefix still reaches it (upload control off, so the rules decide). */
    @Test
    void aPhpFileNameInALargeUploadReaches933110() throws Exception {
        startPincer("", "  uploads: { enabled: false }\n" + crs());
        String r = upload(multipart("x", "x.php", jpeg(1 << 20)));
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount());
        assertEquals(1.0, eventually(() -> pincer.metric("pincer_rule_hits_total", new String[] {"rule"},
                new String[] {"933110"}), 1.0));
        assertSpoolGone();
    }

    @Test
    void aClientThatAbortsMidUploadLeavesNoSpoolFile() throws Exception {
        startPincer("", "  rules: [" + rules("") + "]\n");
        // within SecRequestBodyLimit (1 MiB; a longer declared body is 413 at the head), past body_memory_bytes
        byte[] req = request("multipart/form-data; boundary=" + BOUNDARY, multipart("a", "photo.jpg", jpeg(900_000)));
        try (Socket s = new Socket("127.0.0.1", pincer.port())) {
            OutputStream out = s.getOutputStream();
            out.write(req, 0, 600_000);
            out.flush();
            assertTrue(eventually(() -> metric("pincer_body_spool_bytes") > 0 ? 1 : 0, 1) == 1, "spooling started");
        }
        assertSpoolGone();
        assertEquals(0, upstream.getRequestCount());
    }

    private Path rules(String extra) throws IOException {
        return Files.writeString(dir.resolve("rules.conf"), """
                SecRequestBodyAccess On
                SecRequestBodyLimit 1048576
                SecRule FILES "@rx \\.php$" "id:10001,phase:2,deny,status:403,tag:'attack-rce'"
                """ + extra);
    }

    /** The rule set's SecRequestBodyLimit bounds the hold: an upload of exactly it passes, one byte more is 413. */
    @Test
    void secRequestBodyLimitAndOneByteMore() throws Exception {
        startPincer("", "  rules: [" + rules("") + "]\n");
        int frame = multipart("a", "photo.jpg", new byte[0]).length;
        byte[] atLimit = multipart("a", "photo.jpg", jpeg(1048576 - frame));
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(upload(atLimit)));
        assertArrayEquals(atLimit, upstream.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());
        String over = upload(multipart("a", "photo.jpg", jpeg(1048576 - frame + 1)));
        assertEquals(413, PincerHarness.status(over), over);
        assertEquals(1, upstream.getRequestCount());
        assertSpoolGone();
    }

    /**
     * Under ProcessPartial and the suspect policy a body past the hold is forwarded marked: the
     * held part goes up from the spool first, then the rest as the client sends it, in order, byte
     * for byte. (A raw body: a multipart one cut at the limit fails to parse, which the base rules
     * answer 400, as ModSecurity's REQBODY_ERROR rule does.)
     */
    @Test
    void pastTheHoldUnderSuspectTheSpooledPartGoesUpFirstThenTheRest() throws Exception {
        startPincer("  body_memory_bytes: 1000\n",
                "  incomplete: suspect\n  rules: [" + rules("SecRequestBodyLimitAction ProcessPartial\n") + "]\n");
        upstream.enqueue(new MockResponse().setBody("stored"));
        byte[] body = jpeg(1_500_000);
        String r = pincer.raw(request("application/octet-stream", body), T);
        assertEquals(200, PincerHarness.status(r), r);
        assertArrayEquals(body, upstream.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());
        assertEquals(1.0, metric("pincer_body_spooled_requests_total"), "the held prefix was spooled");
        assertSpoolGone();
    }

    /** {@code body_memory_bytes} is exact: a body of that size stays in memory, one byte more spools. */
    @Test
    void theMemoryBoundAndOneByteMore() throws Exception {
        startPincer("  body_memory_bytes: 1000\n", "  rules: [" + rules("") + "]\n");
        for (int size : new int[] {1000, 1001}) {
            byte[] form = ("a=" + "b".repeat(size - 2)).getBytes(StandardCharsets.ISO_8859_1);
            upstream.enqueue(new MockResponse().setBody("ok"));
            assertEquals(200, PincerHarness.status(pincer.raw(request("application/x-www-form-urlencoded", form), T)));
            assertArrayEquals(form, upstream.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());
        }
        assertEquals(1.0, metric("pincer_body_spooled_requests_total"), "only the 1001-byte body spooled");
        assertSpoolGone();
    }

    /** Over HTTP/2 the held upload spools and goes up the same way: whole, byte for byte, after phase 2. */
    @Test
    void anH2UploadIsSpooledAndForwardedWhole() throws Exception {
        Path rules = rules("");
        pincer = PincerHarness.start(PincerHarness.tlsYaml(upstream.getPort(), true,
                "limits:\n  body_spool_dir: " + spool + "\nprotection:\n  mode: edge\n  rules: [" + rules + "]\n"));
        upstream.enqueue(new MockResponse().setBody("stored"));
        byte[] body = multipart("a", "photo.jpg", jpeg(900_000));
        java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder()
                .sslContext(Http2Test.trusting(PincerHarness.TLS_CERT))
                .version(java.net.http.HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        java.net.http.HttpResponse<String> r = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("https://127.0.0.1:" + pincer.port() + "/upload"))
                .timeout(T).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(body, upstream.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());
        assertEquals(1.0, metric("pincer_body_spooled_requests_total"));
        assertEquals("stored", r.body());
        assertSpoolGone();
    }

    /**
     * The global cap ({@code body_spool_max_bytes}) is exact: with nothing in memory, an upload of
     * exactly the cap passes; one byte more is answered 503 (Pincer is out of room, the request is not
     * too large), counted as {@code cap}, and never reaches the app.
     */
    @Test
    void theGlobalSpoolCapAndOneByteMoreIs503() throws Exception {
        byte[] body = multipart("a", "photo.jpg", jpeg(600_000));
        startPincer("  body_memory_bytes: 0\n  body_spool_max_bytes: " + body.length + "\n",
                "  rules: [" + rules("") + "]\n");
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(upload(body)));
        assertArrayEquals(body, upstream.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());
        String refused = upload(multipart("ab", "photo.jpg", jpeg(600_000)));
        assertEquals(503, PincerHarness.status(refused), refused);
        assertEquals(1, upstream.getRequestCount());
        assertEquals(1.0, pincer.metric("pincer_body_spool_refused_total", new String[] {"reason"},
                new String[] {"cap"}));
        assertSpoolGone();
    }
}
