package dev.pincer.correlator.analyzer.internal;

import dev.pincer.inspection.input.Input;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The forms in which an application may pass one input on to a sink: as it arrived, URL-decoded
 * once (the edge's {@link Input#decoded()}), decoded once more (double encoding), with {@code +} as
 * space, HTML-unescaped, NFKC-normalised, base64-decoded when it is base64 text
 * ({@link Decoding#base64}), unquoted when wrapped in double quotes ({@link Decoding#unquoted}: a
 * quoted cookie value, as Jetty and Undertow read it), and trimmed; then each of those through the analyzer's
 * own extra transforms (for paths: NUL dropped and separators collapsed as {@code java.io.File}
 * does, and {@code ../} stripped once, as naive filters do; for URLs: as {@code java.net.URL}
 * prints them).
 *
 * <p>The decodings are the costly part (about 8 µs an input), so {@link FormCache} keeps
 * {@link #standard} per input and {@link #of(List, List)} applies an analyzer's extra transforms
 * to them.
 *
 * <p>Example: raw {@code %2527%20OR%201%3D1} gives, among others, {@code %27 OR 1=1} and
 * {@code ' OR 1=1}.
 */
public final class Forms {
    /** More forms than this per input are not searched (each costs a scan of the sink argument). */
    static final int MAX_FORMS = 16;

    private Forms() {
    }

    /**
     * Distinct forms of {@code in}, most literal first, at most {@link #MAX_FORMS}; the decodings
     * are {@link FormCache cached} per input, only {@code extra} is applied on each call.
     */
    public static List<String> of(Input in, List<UnaryOperator<String>> extra) {
        return extra.isEmpty() ? FormCache.plain(in) : of(FormCache.standard(in), extra);
    }

    /**
     * The standard forms of one input, most literal first, with the empty form, before any limit:
     * what {@link #of(List, List)} starts from.
     */
    static List<String> standard(Input in) {
        Set<String> base = new LinkedHashSet<>();
        base.add(in.raw());
        String d = in.decoded();
        base.add(d);
        String twice = Decoding.percent(d);
        base.add(twice);
        base.add(Decoding.plusAsSpace(d));
        base.add(Decoding.html(d));
        base.add(Decoding.nfkc(d));
        base.add(Decoding.nfkc(twice));
        base.add(Decoding.base64(d));
        base.add(Decoding.unquoted(d));
        Set<String> all = new LinkedHashSet<>();
        for (String f : base) {
            all.add(f);
            all.add(f.strip());
        }
        return List.copyOf(all);
    }

    /** {@code standard} and each through every transform of {@code extra}, distinct, non-empty, at most {@link #MAX_FORMS}. */
    static List<String> of(List<String> standard, List<UnaryOperator<String>> extra) {
        Set<String> all = new LinkedHashSet<>(standard);
        for (UnaryOperator<String> t : extra) {
            for (String f : List.copyOf(all)) {
                all.add(t.apply(f));
            }
        }
        all.remove("");
        return all.stream().limit(MAX_FORMS).toList();
    }
}
