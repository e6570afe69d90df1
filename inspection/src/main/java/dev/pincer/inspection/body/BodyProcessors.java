package dev.pincer.inspection.body;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;

/**
 * Chooses the body processor by media type and applies the shared rules:
 * <ul>
 *   <li>{@code application/x-www-form-urlencoded}: {@link UrlEncodedBody} (FORM inputs);</li>
 *   <li>{@code multipart/form-data; boundary=...}: {@link MultipartBody} (MULTIPART_FIELD and
 *       MULTIPART_FILENAME);</li>
 *   <li>{@code application/json}, {@code text/json}, {@code *}{@code /*+json}: {@link JsonBody};</li>
 *   <li>{@code application/xml}, {@code text/xml}, {@code *}{@code /*+xml}: {@link XmlBody};</li>
 *   <li>anything else, or no type: the body as one RAW_BODY input if it is UTF-8 text; otherwise
 *       nothing, and the result is marked truncated since the body is not represented.</li>
 * </ul>
 * A body its processor finds malformed keeps the inputs found before the fault and adds the whole
 * prefix (cut to the value limit, bad UTF-8 replaced) as one RAW_BODY input. A prefix with more
 * body after it ({@code complete = false}) always marks the result truncated; running into its end
 * is not a fault.
 *
 * <p>Example: {@code extract("application/json", "{\"a\":}".getBytes(UTF_8), true, out)} sets
 * malformed {@code json: unexpected '}' at offset 5} and adds {@code RAW_BODY "" "{\"a\":}"}.
 */
public final class BodyProcessors {
    private BodyProcessors() {
    }

    /**
     * @param contentType the {@code Content-Type} field value, or null when there is none
     * @param body        the body prefix (not empty)
     * @param complete    whether {@code body} is the whole body
     */
    public static void extract(String contentType, byte[] body, boolean complete, InputCollector out) {
        String type = MediaType.essence(contentType);
        if (type.equals("application/x-www-form-urlencoded")) {
            UrlEncodedBody.parse(body, out);
        } else if (type.equals("multipart/form-data")) {
            MultipartBody.parse(body, MediaType.param(contentType, "boundary"), complete, out);
        } else if (type.equals("application/json") || type.equals("text/json") || type.endsWith("+json")) {
            JsonBody.parse(body, complete, out);
        } else if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            XmlBody.parse(body, complete, out);
        } else {
            keepIfText(body, complete, out);
            return;
        }
        if (out.isMalformed()) {
            keepRaw(body, complete, null, out);
        } else if (!complete) {
            out.truncated();
        }
    }

    /** The body as one RAW_BODY input, whatever it is; {@code reason}, if not null, marks it malformed. */
    public static void keepRaw(byte[] body, boolean complete, String reason, InputCollector out) {
        if (reason != null) {
            out.malformed(reason);
        }
        String text = Utf8Text.decode(body, 0, body.length, out.maxValueChars());
        out.add(InputSource.RAW_BODY, "", text, text);
        if (!complete) {
            out.truncated();
        }
    }

    /** The body as one RAW_BODY input if it is UTF-8 text (see {@link Utf8Text#isText}), else marks truncated. */
    public static void keepIfText(byte[] body, boolean complete, InputCollector out) {
        if (Utf8Text.isText(body, complete)) {
            keepRaw(body, complete, null, out);
        } else {
            out.truncated();
        }
    }
}
