package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling, end to end: every case of the decoder's corpus ({@code http1/requests.txt},
 * the hop-by-hop, framing and Connection tricks among them) is sent raw through a whole running
 * proxy to an upstream that parses strictly (the same {@link StrictHttpRequestDecoder}) and counts
 * what it receives. For each case:
 * <ul>
 *   <li>every response that came from the upstream matches exactly one upstream request, and the
 *       upstream requests are the corpus's {@code ok} requests, in order, with the same method and
 *       the same body bytes: no request was split, merged or invented on the way;</li>
 *   <li>every other response is Pincer's own refusal (4xx, or 505 for a version), and a refused case reaches the upstream with
 *       no complete request for what it refused;</li>
 *   <li>the upstream never receives bytes its strict parser refuses.</li>
 * </ul>
 * Cases whose limits cannot be configured (a request-target or header budget below the config's
 * minimum) only test the decoder's limits and are left to {@link RequestCorpusTest}.
 */
class OneUpstreamRequestPerClientRequestTest {
    private static final Http1Limits UPSTREAM_LIMITS = new Http1Limits(64 * 1024, 64 * 1024, 1000, 1 << 20);
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final List<String> upstreamRefused = new CopyOnWriteArrayList<>();
    private static final Map<Http1Limits, PincerHarness> proxies = new HashMap<>();
    private static ServerSocket upstream;

    static List<RequestCorpus.Case> cases() throws IOException {
        return RequestCorpus.load("/http1/requests.txt").stream().filter(c -> configurable(c.limits())).toList();
    }

    private static boolean configurable(Http1Limits l) {
        return l.maxUriLength() >= 256 && l.maxHeaderBytes() >= 1024 && l.maxHeaders() >= 1;
    }

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!upstream.isClosed()) {
                try {
                    Socket s = upstream.accept();
                    Thread c = new Thread(() -> serve(s), "strict-upstream-conn");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "strict-upstream");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        proxies.values().forEach(PincerHarness::close);
        upstream.close();
    }

    @Test
    void nearlyTheWholeCorpusRunsThroughTheProxy() throws IOException {
        assertTrue(cases().size() >= RequestCorpus.load("/http1/requests.txt").size() - 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneClientRequestIsAtMostOneUpstreamRequest(RequestCorpus.Case c) throws Exception {
        PincerHarness pincer = proxy(c.limits());
        List<String[]> okRequests = new ArrayList<>();
        boolean refused = false;
        for (String e : c.expected()) {
            if (e.startsWith("ok ")) {
                okRequests.add(new String[] {e.split(" ")[1], body(e)});
            } else if (e.startsWith("reject ")) {
                refused = true;
            }
        }
        int before = received.size();
        int refusedBefore = upstreamRefused.size();
        List<Response> responses = exchange(pincer, c.input(), okRequests.size() + (refused ? 1 : 0));
        Thread.sleep(30); // anything smuggled would reach the upstream now, with the real ones
        List<String> got = new ArrayList<>(received.subList(before, received.size()));

        int fromUpstream = 0;
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            if (r.fromUpstream) {
                assertEquals(fromUpstream, i, "an upstream answer after a local one: " + responses);
                fromUpstream++;
            } else {
                assertTrue(r.status >= 400 && r.status < 500 || r.status == 505,
                        "Pincer's own answer is a refusal: " + responses);
            }
        }
        assertEquals(fromUpstream, got.size(), "upstream requests vs upstream answers: " + got + " " + responses);
        assertTrue(got.size() <= okRequests.size(), "more upstream requests than valid client requests: " + got);
        for (int i = 0; i < got.size(); i++) {
            assertEquals(okRequests.get(i)[0] + " body=" + okRequests.get(i)[1], got.get(i), "upstream request " + i);
        }
        if (refused) {
            assertTrue(!responses.isEmpty() && !responses.get(responses.size() - 1).fromUpstream,
                    "a refused request is answered by Pincer: " + responses);
            assertTrue(got.size() < okRequests.size() + 1);
        }
        assertEquals(refusedBefore, upstreamRefused.size(), "the upstream parser refused: " + upstreamRefused);
    }

    private static synchronized PincerHarness proxy(Http1Limits l) throws Exception {
        PincerHarness p = proxies.get(l);
        if (p == null) {
            p = PincerHarness.start(PincerHarness.yaml("limits: { max_uri_length: " + l.maxUriLength()
                    + ", max_header_bytes: " + l.maxHeaderBytes() + ", max_headers: " + l.maxHeaders()
                    + ", max_body_bytes: " + l.maxBodyBytes() + " }\n", "127.0.0.1:" + upstream.getLocalPort()));
            proxies.put(l, p);
        }
        return p;
    }

    private static String body(String okLine) {
        String rest = okLine.substring(okLine.lastIndexOf(" body=") + 6);
        int t = rest.indexOf(" trailers=");
        return t < 0 ? rest : rest.substring(0, t);
    }

    record Response(int status, boolean fromUpstream) {
    }

    /** Sends the bytes and reads up to {@code expected} responses (fewer if the proxy closes or goes quiet). */
    private static List<Response> exchange(PincerHarness p, byte[] input, int expected) throws IOException {
        List<Response> out = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", p.port())) {
            s.setSoTimeout(expected == 0 ? 300 : 3000);
            OutputStream o = s.getOutputStream();
            o.write(input);
            o.flush();
            InputStream in = s.getInputStream();
            while (out.size() < expected) {
                Response r = readResponse(in);
                if (r == null) {
                    break;
                }
                if (r.status >= 200) {
                    out.add(r);
                }
            }
        } catch (SocketTimeoutException e) {
            // the proxy kept the connection open with nothing more to say
        }
        return out;
    }

    private static Response readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            return null;
        }
        boolean fromUpstream = false;
        long length = 0;
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("x-strict-upstream:")) {
                fromUpstream = true;
            }
        }
        in.readNBytes((int) length);
        return new Response(Integer.parseInt(status.substring(9, 12)), fromUpstream);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String l = b.toString(StandardCharsets.ISO_8859_1);
                return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** One upstream connection: strict parse, record each complete request, answer it. */
    private static void serve(Socket s) {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(UPSTREAM_LIMITS));
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            String method = null;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                ch.writeInbound(Unpooled.copiedBuffer(buf, 0, n));
                for (Object m; (m = ch.readInbound()) != null; ) {
                    try {
                        if (m instanceof HttpRejection r) {
                            upstreamRefused.add(r.reason() + " " + r.detail());
                            return;
                        }
                        if (m instanceof HttpRequest r) {
                            method = r.method().name();
                            body.reset();
                        }
                        if (m instanceof HttpContent content) {
                            body.writeBytes(ByteBufUtil.getBytes(content.content()));
                        }
                        if (m instanceof LastHttpContent) {
                            received.add(method + " body=" + DecoderHarness.escape(body.toByteArray()));
                            out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Strict-Upstream: 1\r\n\r\nok")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    } finally {
                        ReferenceCountUtil.release(m);
                    }
                }
            }
        } catch (IOException e) {
            // the proxy closed the connection
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
