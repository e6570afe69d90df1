package dev.pincer.inspection.request;

import dev.pincer.inspection.body.BodyProcessors;
import dev.pincer.inspection.body.BodyViews;
import dev.pincer.inspection.body.NestedJson;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import java.util.Objects;

/**
 * Turns one request into its user-controlled inputs, in this order: PATH segments, QUERY pairs,
 * HEADER values, COOKIE pairs, then the body inputs its {@code Content-Type} selects (see
 * {@link BodyProcessors}), then the leaves of JSON documents carried inside those values
 * ({@link NestedJson}). Thread-safe and cheap to share; runs in time linear in the size of the
 * request, without regexes, and never throws on any request content: what it cannot parse is
 * reported in {@link RequestInputs#bodyMalformed()}, what the limits cut off in
 * {@link RequestInputs#truncations()}. Inputs that are provably inert ({@code .} path segments,
 * empty name with empty value, exact duplicates) use none of the budget.
 *
 * <p>A body with any {@code Content-Encoding} other than {@code identity} is not decompressed here:
 * the result is marked {@code ENCODING} (its text, if it is text, is kept as RAW_BODY). Two
 * {@code Content-Type} fields that disagree make the body malformed, kept as RAW_BODY, since the
 * application might honour either.
 *
 * <p>Example: {@code POST /u/7?x=%27} with {@code Content-Type: application/json} and body
 * {@code {"a":[1]}} gives {@code PATH 0 "u"}, {@code PATH 1 "7"}, {@code QUERY x "%27" "'"},
 * {@code HEADER content-type}, {@code JSON #a "a"} and {@code JSON a[0] "1"}.
 */
public final class InputExtractor {
    private final InspectionLimits limits;

    public InputExtractor(InspectionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param head the request line and headers
     * @param body the buffered body prefix; null when there is no body or it has not been seen yet
     *             (the caller then says so to {@code InputHint} as {@code bodyPending})
     */
    public RequestInputs extract(RequestHead head, BodyPrefix body) {
        return extract(head, body, null);
    }

    /**
     * The same, also feeding {@code views} (null for none) in the pass that parses the body, so
     * that the rules need not parse it again ({@link BodyViews}).
     */
    public RequestInputs extract(RequestHead head, BodyPrefix body, BodyViews views) {
        Objects.requireNonNull(head, "head");
        InputCollector out = new InputCollector(limits.maxInputs(), limits.maxValueChars(), limits.maxNameChars(),
                limits.maxDepth(), limits.maxParts(), limits.maxPairs(), limits.maxTotalChars());
        try {
            if (TargetInputs.extract(head.target(), out) && HeaderInputs.extract(head.headers(), out)
                    && body != null) {
                body(head, body, out, views);
            }
            NestedJson.extract(out);
        } catch (RuntimeException e) {
            // A bug, not a verdict on the request: keep what was gathered and say it is incomplete.
            out.malformed("internal: " + e.getClass().getSimpleName());
            out.truncated(Truncation.COUNT); // not all of the request was read: incomplete, like a cut count
        }
        return out.result();
    }

    private static void body(RequestHead head, BodyPrefix body, InputCollector out, BodyViews views) {
        byte[] bytes = body.bytes();
        if (bytes.length == 0) {
            if (!body.complete()) {
                out.truncated(Truncation.BODY);
            }
            return;
        }
        if (encoded(head)) {
            BodyProcessors.keepEncoded(bytes, body.complete(), out);
            return;
        }
        String type = null;
        for (HeaderField h : head.headers()) {
            if (!h.name().equalsIgnoreCase("content-type")) {
                continue;
            }
            if (type == null) {
                type = h.value();
            } else if (!type.trim().equalsIgnoreCase(h.value().trim())) {
                BodyProcessors.keepRaw(bytes, body.complete(), "content-type: conflicting values", out);
                return;
            }
        }
        BodyProcessors.extract(type, bytes, body.complete(), out, views);
    }

    /** Whether any {@code Content-Encoding} field names a coding other than {@code identity}. */
    private static boolean encoded(RequestHead head) {
        for (HeaderField h : head.headers()) {
            String v = h.value().trim();
            if (h.name().equalsIgnoreCase("content-encoding") && !v.isEmpty() && !v.equalsIgnoreCase("identity")) {
                return true;
            }
        }
        return false;
    }
}
