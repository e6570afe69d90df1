package dev.pincer.inspection.input;

import java.util.List;
import java.util.Objects;

/**
 * Everything user-controlled in one request, as extracted at the edge, plus what the extraction
 * could not do. Immutable.
 *
 * @param inputs        every input, in request order (path, query, headers, cookies, body)
 * @param bodyMalformed null when the body parsed (or there was none); otherwise a short reason such
 *                      as {@code "json: unexpected '}' at offset 17"}. A malformed body is flagged,
 *                      never thrown, and its raw prefix is kept as a {@link InputSource#RAW_BODY} input
 * @param truncated     true when a limit (body prefix, input count, depth, value size) cut the
 *                      extraction short, so some of the request is not represented here
 */
public record RequestInputs(List<Input> inputs, String bodyMalformed, boolean truncated) {
    public static final RequestInputs EMPTY = new RequestInputs(List.of(), null, false);

    public RequestInputs {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }
}
