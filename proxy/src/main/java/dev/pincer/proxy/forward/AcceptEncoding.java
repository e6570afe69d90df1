package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Narrows a request's {@code Accept-Encoding} (RFC 9110 §12.5.3) to the codings the XSS check can
 * decode ({@code gzip}, {@code x-gzip}, {@code deflate}, {@code identity}), for requests whose
 * HTML responses will be held: the app then answers with a body Pincer can judge instead of
 * {@code br} or {@code zstd}. Weights are kept; a field left with nothing acceptable becomes
 * {@code identity}. An upstream that sends another coding anyway gets its response judged as not
 * decodable (an {@code analysis_limit} finding).
 *
 * <p>Example: {@code gzip, deflate, br, zstd} becomes {@code gzip, deflate}; {@code br} becomes
 * {@code identity}.
 */
final class AcceptEncoding {
    private AcceptEncoding() {
    }

    static void restrict(HttpHeaders headers) {
        List<String> fields = headers.getAll(HttpHeaderNames.ACCEPT_ENCODING);
        if (fields.isEmpty()) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String field : fields) {
            for (String item : field.split(",")) {
                String coding = item.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate")
                        || coding.equals("identity")) {
                    kept.add(item.strip());
                }
            }
        }
        headers.set(HttpHeaderNames.ACCEPT_ENCODING, kept.isEmpty() ? "identity" : String.join(", ", kept));
    }
}
