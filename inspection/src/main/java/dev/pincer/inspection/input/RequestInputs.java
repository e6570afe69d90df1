package dev.pincer.inspection.input;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything user-controlled in one request, as extracted at the edge, plus what the extraction
 * could not do. Immutable.
 *
 * <p>Example: {@code GET /?q=1} with 1,001 more query pairs gives the first 1,000 pairs and
 * {@code truncations = {COUNT}}: the request is incomplete.
 *
 * @param inputs        every input, in request order (path, query, headers, cookies, body)
 * @param bodyMalformed null when the body parsed (or there was none); otherwise a short reason such
 *                      as {@code "json: unexpected '}' at offset 17"}. A malformed body is flagged,
 *                      never thrown, and its raw prefix is kept as a {@link InputSource#RAW_BODY} input
 * @param truncations   which bounds cut the extraction short (empty: nothing was cut), so some of
 *                      the request is not represented here; iterates in declaration order
 */
public record RequestInputs(List<Input> inputs, String bodyMalformed, Set<Truncation> truncations) {
    public static final RequestInputs EMPTY = new RequestInputs(List.of(), null, Set.of());

    public RequestInputs {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        truncations = copy(Objects.requireNonNull(truncations, "truncations"));
    }

    /** The pre-{@link Truncation} form: {@code truncated = true} means {@code {COUNT}}. */
    public RequestInputs(List<Input> inputs, String bodyMalformed, boolean truncated) {
        this(inputs, bodyMalformed, truncated ? Set.of(Truncation.COUNT) : Set.of());
    }

    /** True when a limit cut the extraction short: the request is incomplete. */
    public boolean truncated() {
        return !truncations.isEmpty();
    }

    private static Set<Truncation> copy(Collection<Truncation> t) {
        return t.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(t)); // declaration order
    }
}
