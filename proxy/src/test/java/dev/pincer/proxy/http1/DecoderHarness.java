package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Feeds bytes to a {@link StrictHttpRequestDecoder} in an EmbeddedChannel, split as asked, and
 * renders what comes out as one line per request, in the format of {@code http1/requests.txt}:
 * <pre>
 * ok GET / HTTP/1.1 {Host:a, X:b} body=hello trailers={T:1}
 * partial POST / HTTP/1.1 {Host:a} body=hel     (no LastHttpContent yet)
 * reject BAD_CHUNK
 * </pre>
 * It checks the message order on the way (request, contents, last; nothing after a rejection),
 * releases everything it reads, and ends the channel with finishAndReleaseAll().
 */
final class DecoderHarness {

    /** How the input is cut into writes. */
    enum Split { WHOLE, ONE_BYTE, RANDOM }

    private DecoderHarness() {
    }

    static List<String> run(Http1Limits limits, byte[] input, Split split, long seed) {
        EmbeddedChannel channel = new EmbeddedChannel(new StrictHttpRequestDecoder(limits));
        Recorder recorder = new Recorder();
        Random random = new Random(seed);
        int i = 0;
        while (i < input.length) {
            int n = switch (split) {
                case WHOLE -> input.length;
                case ONE_BYTE -> 1;
                case RANDOM -> 1 + random.nextInt(Math.min(input.length - i, 17));
            };
            channel.writeInbound(Unpooled.wrappedBuffer(input, i, n));
            i += n;
            recorder.drain(channel);
        }
        assertFalse(channel.finishAndReleaseAll(), "decoder emitted messages at channel close");
        return recorder.result();
    }

    /** Renders a byte for the corpus: printable ASCII as is, the rest as \xNN. */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    private static final class Recorder {
        private final List<String> events = new ArrayList<>();
        private String head;
        private ByteArrayOutputStream body;
        private boolean rejected;

        void drain(EmbeddedChannel channel) {
            for (Object msg; (msg = channel.readInbound()) != null; ) {
                try {
                    record(msg);
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        }

        private void record(Object msg) {
            if (rejected) {
                fail("message after rejection: " + msg);
            }
            if (msg instanceof HttpRejection rejection) {
                endPartial();
                events.add("reject " + rejection.reason());
                rejected = true;
            } else if (msg instanceof HttpRequest request) {
                assertNull(head, "request before the previous one ended");
                head = request.method() + " " + escape(request.uri().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + " " + request.protocolVersion() + " "
                        + render(request.headers());
                body = new ByteArrayOutputStream();
            } else if (msg instanceof HttpContent content) {
                assertNotNull(head, "content without request");
                ByteBuf data = content.content();
                body.writeBytes(ByteBufUtil.getBytes(data));
                if (content instanceof LastHttpContent last) {
                    assertEquals(0, data.readableBytes(), "LastHttpContent carries data");
                    String trailers = last.trailingHeaders().isEmpty() ? "" : " trailers=" + render(last.trailingHeaders());
                    events.add("ok " + head + " body=" + escape(body.toByteArray()) + trailers);
                    head = null;
                }
            } else {
                fail("unexpected message type: " + msg.getClass());
            }
        }

        private void endPartial() {
            if (head != null) {
                events.add("partial " + head + " body=" + escape(body.toByteArray()));
                head = null;
            }
        }

        List<String> result() {
            endPartial();
            return events;
        }

        private static String render(HttpHeaders headers) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<CharSequence, CharSequence> e : iterable(headers)) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append(':').append(escape(e.getValue().toString().getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
            return sb.append('}').toString();
        }

        private static Iterable<Map.Entry<CharSequence, CharSequence>> iterable(HttpHeaders headers) {
            return headers::iteratorCharSequence;
        }
    }
}
