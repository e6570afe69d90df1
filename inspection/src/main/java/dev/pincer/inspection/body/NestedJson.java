package dev.pincer.inspection.body;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;
import java.nio.charset.StandardCharsets;

/**
 * JSON documents inside other inputs: a query or form parameter, a multipart field, a cookie, a
 * header or a JSON string whose value is itself a JSON object or array. Applications parse such
 * values ({@code ?filter={"where":...}}, a multipart part bound with Spring's {@code @RequestPart},
 * a JSON payload carried as a string), and a value read out of one reaches a sink without the
 * whole document around it, so a document's leaves and keys are inputs of their own: JSON inputs
 * named as if the document were the value of a member named after its input
 * ({@code filter.where.name}, {@code filter#where}). One level: the inputs this adds are not read
 * again. A document the strict grammar refuses is read as lenient readers read it, and a value
 * that is base64 text ({@link Base64Text}) is read for a document once decoded.
 *
 * <p>Example: the query {@code q={"name":"x' OR '1'='1"}} gives {@code QUERY q} and
 * {@code JSON q#name "name"}, {@code JSON q.name "x' OR '1'='1"}.
 */
public final class NestedJson {
    private NestedJson() {
    }

    /** Adds the leaves and keys of every JSON document among the inputs {@code out} holds now. */
    public static void extract(InputCollector out) {
        for (int i = 0, n = out.size(); i < n; i++) {
            Input in = out.get(i);
            if (!carrier(in.source())) {
                continue;
            }
            String text = in.decoded();
            if (!document(text)) {
                // a document sent base64-encoded (a cookie, a token): its first character encodes
                // '{', '[', a blank or a byte order mark, so most values are not decoded at all
                if (text.isEmpty() || "eWICD7".indexOf(text.charAt(0)) < 0) {
                    continue;
                }
                text = Base64Text.decode(text);
                if (text == in.decoded() || !document(text)) {
                    continue;
                }
            }
            byte[] doc = text.getBytes(StandardCharsets.UTF_8);
            JsonBody view = new JsonBody(out, in.name());
            JsonParser p = JsonParser.parse(doc, view);
            if (view.more() && p.outcome() != JsonParser.DONE && JsonParser.lenientStart(doc)) {
                view = new JsonBody(out, in.name());
                JsonParser.parseLenient(doc, view);
            }
            if (!view.more()) {
                return;
            }
        }
    }

    private static boolean carrier(InputSource s) {
        return s == InputSource.QUERY || s == InputSource.FORM || s == InputSource.MULTIPART_FIELD
                || s == InputSource.COOKIE || s == InputSource.HEADER || s == InputSource.JSON;
    }

    /** Whether {@code v} starts, after blanks, with {@code {} or {@code [} and has more than that. */
    private static boolean document(String v) {
        int i = 0;
        while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == '\r' || v.charAt(i) == '\n')) {
            i++;
        }
        return i + 1 < v.length() && (v.charAt(i) == '{' || v.charAt(i) == '[');
    }
}
