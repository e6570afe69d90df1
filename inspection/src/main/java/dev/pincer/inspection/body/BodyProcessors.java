package dev.pincer.inspection.body;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;

/**
 * Chooses the body processors by what the body declares and by what it contains, and applies the
 * shared rules:
 * <ul>
 *   <li>a declared type with a processor ({@link BodyFormat#declared}) is parsed as declared:
 *       {@link UrlEncodedBody} (FORM), {@link MultipartBody} (MULTIPART_FIELD, MULTIPART_FILENAME),
 *       {@link JsonBody}, {@link XmlBody};</li>
 *   <li>a declared type without a processor ({@code application/jsonx}, {@code text/plain}, none),
 *       or one whose processor finds the bytes malformed, is sniffed ({@link BodyFormat#sniff}) and
 *       parsed as what it looks like; a sniffed format that does not parse either leaves nothing
 *       behind. Such a body is also kept whole as one RAW_BODY input (cut to the value limit, bad
 *       UTF-8 replaced), so that an injection inside bytes no processor accepts still occurs;</li>
 *   <li>a declared form whose bytes look like JSON or XML is parsed as both, since an application
 *       may read it either way;</li>
 *   <li>JSON (declared or sniffed) that the strict grammar refuses is also read the way lenient
 *       readers read it ({@link JsonParser#parseLenient}: comments, single quotes, unquoted names
 *       and values...), and what that finds is kept, since an application using Gson, org.json
 *       or Jackson's leniency features reads those values;</li>
 *   <li>a declared charset that is not ASCII-compatible ({@link Charsets}), or JSON or XML whose
 *       bytes are UTF-16 or UTF-32 whatever was declared ({@link Charsets#wideUnicode}: JSON and
 *       XML readers detect those themselves), mark the result {@link Truncation#ENCODING}: the
 *       text is not what the application reads.</li>
 * </ul>
 * A declared processor's fault is the result's malformed reason. A prefix with more body after it
 * ({@code complete = false}) marks the result {@link Truncation#BODY}; running into its end is not
 * a fault.
 *
 * <p>Example: {@code extract("application/json", "{\"a\":}".getBytes(UTF_8), true, out)} sets
 * malformed {@code json: unexpected '}' at offset 5} and adds {@code RAW_BODY "" "{\"a\":}"};
 * {@code extract("application/json5", "{\"q\":\"1'--\"}"...)} adds {@code JSON #q}, {@code JSON q}
 * and the RAW_BODY.
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
        extract(contentType, body, complete, out, null);
    }

    /**
     * The same, also feeding {@code views} (null for none) in the same pass when the whole body is
     * parsed as JSON.
     */
    public static void extract(String contentType, byte[] body, boolean complete, InputCollector out,
                               BodyViews views) {
        if (!complete) {
            out.truncated(Truncation.BODY);
        }
        BodyFormat declared = BodyFormat.declared(MediaType.essence(contentType));
        if (!Charsets.asciiCompatible(MediaType.param(contentType, "charset")) || wideMarkup(declared, body)) {
            out.truncated(Truncation.ENCODING);
            keepRaw(body, complete, null, out);
            return;
        }
        if (declared != null) {
            parse(declared, contentType, body, complete, out, views);
            if (!out.isMalformed()) {
                BodyFormat also = BodyFormat.sniff(body);
                if (declared == BodyFormat.FORM && (also == BodyFormat.JSON || also == BodyFormat.XML)) {
                    probe(also, contentType, body, complete, out, views);
                }
                return;
            }
            if (declared == BodyFormat.JSON) {
                JsonBody.parseLenient(body, out);
            }
        }
        BodyFormat sniffed = BodyFormat.sniff(body);
        if (sniffed != null && sniffed != declared) {
            probe(sniffed, contentType, body, complete, out, views);
        }
        keepRaw(body, complete, null, out);
    }

    /**
     * JSON or XML in UTF-16 or UTF-32 ({@link Charsets#wideUnicode}): declared as JSON or XML, or
     * starting with what a JSON or XML document starts with. A binary upload whose first bytes
     * happen to hold zeros (an MP4 starts {@code 00 00 00 18}) is neither.
     */
    private static boolean wideMarkup(BodyFormat declared, byte[] body) {
        if (!Charsets.wideUnicode(body)) {
            return false;
        }
        if (declared == BodyFormat.JSON || declared == BodyFormat.XML) {
            return true;
        }
        for (byte c : body) {
            if (c != 0 && (c & 0xff) != 0xFE && (c & 0xff) != 0xFF) {
                return c == '{' || c == '[' || c == '<' || c == '"';
            }
        }
        return false;
    }

    /**
     * Parses as {@code format}; what it added is taken back if the bytes turn out malformed, except
     * that JSON the strict grammar refused is then read leniently ({@link JsonBody#parseLenient}).
     */
    private static void probe(BodyFormat format, String contentType, byte[] body, boolean complete,
                              InputCollector out, BodyViews views) {
        int mark = out.mark();
        parse(format, contentType, body, complete, out, views);
        if (!out.settle(mark) && format == BodyFormat.JSON) {
            JsonBody.parseLenient(body, out);
        }
    }

    private static void parse(BodyFormat format, String contentType, byte[] body, boolean complete,
                              InputCollector out, BodyViews views) {
        switch (format) {
            case FORM -> UrlEncodedBody.parse(body, out);
            case MULTIPART -> {
                boolean declared = BodyFormat.declared(MediaType.essence(contentType)) == BodyFormat.MULTIPART;
                String boundary = declared ? MediaType.param(contentType, "boundary") : BodyFormat.boundary(body);
                MultipartBody.parse(body, boundary, complete, out);
            }
            case JSON -> JsonBody.parse(body, complete, out, complete && views != null ? views.json(body) : null);
            case XML -> XmlBody.parse(body, complete, out);
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
            out.truncated(Truncation.BODY);
        }
    }

    /**
     * A body in a content-coding inspection does not decode: marked {@link Truncation#ENCODING},
     * and kept as RAW_BODY if its bytes happen to be UTF-8 text (see {@link Utf8Text#isText}).
     */
    public static void keepEncoded(byte[] body, boolean complete, InputCollector out) {
        out.truncated(Truncation.ENCODING);
        if (Utf8Text.isText(body, complete)) {
            keepRaw(body, complete, null, out);
        } else if (!complete) {
            out.truncated(Truncation.BODY);
        }
    }
}
