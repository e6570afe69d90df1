package dev.pincer.correlator.context;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.PlainName;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The app's own view of a request's inputs (sensor protocol v2 INPUTS), kept apart from the edge's
 * so that either side can change without losing the other, and their union. Immutable: adding
 * returns a new view.
 *
 * <p>Bounds: at most {@link #MAX_INPUTS} entries and {@link #MAX_CHARS} characters of names and
 * values in total per request, whatever number of frames or sensors sent them. What does not fit
 * is dropped and marks the view {@code truncated}, which makes the whole request truncated (so the
 * argument-only judges run). Entries with an empty value (their value cannot carry an attack),
 * exact repeats, and the header fields the proxy itself sets ({@code X-Forwarded-For},
 * hop-by-hop...) are not kept and use none of the budget.
 *
 * <p>Names: an entry whose name is not a {@link PlainName plain word} also gives a name input
 * ({@code APP_PARAMETER_NAME}, {@code APP_HEADER_NAME}, {@code APP_COOKIE_NAME}, the name as its
 * value), just before it, whatever its value: {@code ?x'--} read through
 * {@code getParameterNames()} has an empty value and a hostile name. It is bounded and deduplicated
 * like an entry (charged once: its name is its value); the wire format is unchanged, every entry
 * already carries its name.
 *
 * <p>Union: every edge input in order, then every app entry that does not equal an edge input by
 * name and decoded value (header names compared in lower case, as the edge stores them). Example:
 * edge {@code QUERY id=1}, app {@code APP_PARAMETER id=1} and {@code APP_PARAMETER id=2} (a
 * repeated parameter the edge kept only once): the union is {@code QUERY id=1, APP_PARAMETER id=2}.
 */
final class AppView {
    /** Twice a sensor's default of 512 entries, so two sensors' views of one request both fit. */
    static final int MAX_INPUTS = 1024;
    /** The sensor's default whole-frame bound (256 KiB) in characters: ~512 KiB of heap at most. */
    static final int MAX_CHARS = 256 * 1024;

    static final AppView EMPTY = new AppView(List.of(), 0, false);

    /**
     * Header fields the proxy owns or rewrites on the way to the app (forwarding, hop-by-hop,
     * {@code X-Request-Id}; {@code X-Pincer-*} by prefix): not the client's input, so not kept, as
     * the edge does not take them either. {@code X-Forwarded-For} is the proxy's own statement of
     * the client address: kept, it would make the app's connects to that address look chosen by the
     * request.
     */
    private static final Set<String> PROXY_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "proxy-connection", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "forwarded", "x-request-id");

    private final List<Input> entries;
    private final int chars;
    private final boolean truncated;

    private AppView(List<Input> entries, int chars, boolean truncated) {
        this.entries = entries;
        this.chars = chars;
        this.truncated = truncated;
    }

    List<Input> entries() {
        return entries;
    }

    boolean truncated() {
        return truncated;
    }

    /** This view plus {@code more}, bounded; {@code cut} is the sensor's own truncated flag. */
    AppView plus(List<Input> more, boolean cut) {
        List<Input> next = new ArrayList<>(entries);
        Set<String> seen = new HashSet<>();
        for (Input e : entries) {
            seen.add(key(e));
        }
        int total = chars;
        boolean dropped = truncated || cut;
        for (Input e : more) {
            if (proxyOwned(e)) {
                continue; // the proxy's statement, not the client's input (as at the edge)
            }
            InputSource names = e.source().nameSource();
            if (names != null && !PlainName.test(e.name())) {
                Input name = Input.plain(names, e.name(), e.name()); // the name as an input of its own
                if (seen.add(key(name))) {
                    int size = name.decoded().length(); // its name is its value: charged once
                    if (next.size() >= MAX_INPUTS || size > MAX_CHARS - total) {
                        dropped = true;
                    } else {
                        next.add(name);
                        total += size;
                    }
                }
            }
            if (e.decoded().isEmpty() || !seen.add(key(e))) {
                continue;
            }
            int size = e.name().length() + e.decoded().length();
            if (next.size() >= MAX_INPUTS || size > MAX_CHARS - total) {
                dropped = true;
                continue;
            }
            next.add(e);
            total += size;
        }
        return new AppView(List.copyOf(next), total, dropped);
    }

    /** The edge's inputs and this view's entries not already among them. */
    RequestInputs union(RequestInputs edge) {
        if (entries.isEmpty() && !truncated) {
            return edge;
        }
        Set<String> edgeKeys = new HashSet<>();
        for (Input e : edge.inputs()) {
            edgeKeys.add(key(e));
        }
        List<Input> all = new ArrayList<>(edge.inputs().size() + entries.size());
        all.addAll(edge.inputs());
        for (Input e : entries) {
            if (!edgeKeys.contains(key(e))) {
                all.add(e);
            }
        }
        Set<Truncation> cuts = edge.truncations();
        if (truncated && !cuts.contains(Truncation.COUNT)) {
            EnumSet<Truncation> more = EnumSet.of(Truncation.COUNT); // the sensor's bounds cut the app's view
            more.addAll(cuts);
            cuts = more;
        }
        return new RequestInputs(all, edge.bodyMalformed(), cuts);
    }

    private static boolean proxyOwned(Input e) {
        if (e.source() != InputSource.APP_HEADER) {
            return false;
        }
        String name = e.name().toLowerCase(Locale.ROOT);
        return PROXY_HEADERS.contains(name) || name.startsWith("x-pincer-");
    }

    /**
     * Name and decoded value; header names are case-insensitive and the edge keeps them lower case
     * (a header name input, whose value is the name, is compared without case in both). A name
     * input is keyed apart from a value input ({@code #} before the name) so a parameter
     * {@code a'=""} and a parameter {@code ""="a'"} are not taken for each other.
     */
    private static String key(Input e) {
        InputSource s = e.source();
        boolean headerName = s == InputSource.HEADER_NAME || s == InputSource.APP_HEADER_NAME;
        boolean header = headerName || s == InputSource.HEADER || s == InputSource.APP_HEADER;
        String name = header ? e.name().toLowerCase(Locale.ROOT) : e.name();
        String value = headerName ? e.decoded().toLowerCase(Locale.ROOT) : e.decoded();
        return (s.isName() ? "#" : "") + name.length() + ":" + name + "=" + value;
    }
}
