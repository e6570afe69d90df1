package dev.pincer.bench;

import dev.pincer.proxy.http1.Http1Limits;
import dev.pincer.proxy.http1.HttpRejection;
import dev.pincer.proxy.http1.StrictHttpRequestDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of {@link StrictHttpRequestDecoder} per request on a keep-alive connection: one
 * {@link EmbeddedChannel} per trial receives the same request again and again, as the decoder sees
 * a browser's connection. Each invocation copies the request into a fresh pooled direct buffer
 * (what a socket read hands the pipeline), decodes it, and releases every message the decoder
 * emits.
 *
 * <ul>
 *   <li>{@code browserGet}: a 613-byte Chrome navigation request (query string, sec-ch/sec-fetch
 *       headers, cookie), no body.
 *   <li>{@code chunkedPost}: a JSON POST whose 1 KiB body arrives as four 256-byte chunks.
 *   <li>{@code baselineCopy}: the same copy through a channel with no decoder, to subtract the
 *       harness's own cost from the two above.
 * </ul>
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -DskipTests package &amp;&amp; java -jar bench/target/benchmarks.jar RequestDecoderBenchmark -f 1 -wi 3 -i 5
 * </pre>
 * Add {@code -prof gc} for bytes allocated per request ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestDecoderBenchmark {

    /** The proxy's defaults: 8 KiB request-target, 32 KiB of header lines, 100 fields, 10 MiB body. */
    static final Http1Limits LIMITS = new Http1Limits(8192, 32768, 100, 10L * 1024 * 1024);

    static final byte[] BROWSER_GET = ascii(
            "GET /catalog/running-shoes?color=blue&size=42 HTTP/1.1\r\n"
            + "Host: shop.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,*/*;q=0.8\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Referer: https://shop.example.com/catalog\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Cookie: session=7f3c9a1e5b2d4c8f; cart=3\r\n"
            + "\r\n");

    static final int POST_BODY_BYTES = 1024;
    static final int POST_CHUNK_BYTES = 256;
    static final byte[] CHUNKED_POST = ascii(
            "POST /api/orders HTTP/1.1\r\n"
            + "Host: shop.example.com\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\r\n"
            + "Accept: application/json\r\n"
            + "Content-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Origin: https://shop.example.com\r\n"
            + "Cookie: session=7f3c9a1e5b2d4c8f\r\n"
            + "\r\n"
            + chunked(jsonBody(POST_BODY_BYTES), POST_CHUNK_BYTES));

    private EmbeddedChannel decoding;
    private EmbeddedChannel passThrough;

    @Setup
    public void setUp() {
        decoding = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        passThrough = new EmbeddedChannel();
        // A decoder that rejects these inputs would be timed on its error path: refuse to run.
        check("browserGet", decoding, BROWSER_GET, 0);
        check("chunkedPost", decoding, CHUNKED_POST, POST_BODY_BYTES);
    }

    @TearDown
    public void tearDown() {
        decoding.finishAndReleaseAll();
        passThrough.finishAndReleaseAll();
    }

    @Benchmark
    public int browserGet(Blackhole bh) {
        decoding.writeInbound(copy(decoding, BROWSER_GET));
        return drain(decoding, bh);
    }

    @Benchmark
    public int chunkedPost(Blackhole bh) {
        decoding.writeInbound(copy(decoding, CHUNKED_POST));
        return drain(decoding, bh);
    }

    @Benchmark
    public int baselineCopy(Blackhole bh) {
        passThrough.writeInbound(copy(passThrough, BROWSER_GET));
        return drain(passThrough, bh);
    }

    /** The bytes in a pooled direct buffer from the channel's allocator, as a socket read delivers them. */
    private static ByteBuf copy(EmbeddedChannel channel, byte[] bytes) {
        return channel.alloc().directBuffer(bytes.length).writeBytes(bytes);
    }

    /** Reads, consumes and releases every decoded message; returns how many there were. */
    private static int drain(EmbeddedChannel channel, Blackhole bh) {
        int count = 0;
        for (Object msg; (msg = channel.readInbound()) != null; count++) {
            try {
                if (msg instanceof HttpRequest) {
                    HttpRequest request = (HttpRequest) msg;
                    bh.consume(request.uri());
                    bh.consume(request.headers());
                }
                bh.consume(msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        return count;
    }

    /**
     * Decodes {@code input} once and fails unless it yields one successful request, then content
     * totalling {@code bodyBytes}, ending with a {@link LastHttpContent}.
     */
    private static void check(String name, EmbeddedChannel channel, byte[] input, int bodyBytes) {
        channel.writeInbound(copy(channel, input));
        int requests = 0;
        int contentBytes = 0;
        Object last = null;
        for (Object msg; (msg = channel.readInbound()) != null; ) {
            try {
                if (msg instanceof HttpRejection) {
                    throw new IllegalStateException(name + ": rejected: " + msg);
                }
                if (msg instanceof DecoderResultProvider) {
                    DecoderResult result = ((DecoderResultProvider) msg).decoderResult();
                    if (!result.isSuccess()) {
                        throw new IllegalStateException(name + ": decoder failure: " + result);
                    }
                }
                if (msg instanceof HttpRequest) {
                    requests++;
                }
                if (msg instanceof HttpContent) {
                    contentBytes += ((HttpContent) msg).content().readableBytes();
                }
                last = msg;
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        if (requests != 1 || contentBytes != bodyBytes || !(last instanceof LastHttpContent)) {
            throw new IllegalStateException(name + ": expected 1 request with " + bodyBytes
                    + " body bytes ending in LastHttpContent, got " + requests + " request(s), "
                    + contentBytes + " body bytes, last message " + last);
        }
    }

    /** A JSON array of order lines, cut to exactly {@code size} ASCII bytes. */
    private static String jsonBody(int size) {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; sb.length() < size; i++) {
            sb.append("{\"sku\":\"RS-").append(1000 + i).append("\",\"qty\":").append(1 + i % 3)
                    .append(",\"note\":\"gift wrap\"},");
        }
        return sb.substring(0, size);
    }

    /** {@code body} as chunked transfer coding (RFC 9112 section 7.1) in chunks of {@code chunkSize}. */
    private static String chunked(String body, int chunkSize) {
        StringBuilder sb = new StringBuilder();
        for (int from = 0; from < body.length(); from += chunkSize) {
            String chunk = body.substring(from, Math.min(body.length(), from + chunkSize));
            sb.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return sb.append("0\r\n\r\n").toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
