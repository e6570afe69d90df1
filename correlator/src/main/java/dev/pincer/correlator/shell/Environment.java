package dev.pincer.correlator.shell;

import dev.pincer.correlator.sink.SinkCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment entries an exec call sets, as the sensor reported them: attributes
 * {@code env.NAME=value} for each variable the child gets that the JVM's own environment does not
 * have with that value (the {@code envp} of {@code Runtime.exec}, changes to
 * {@code ProcessBuilder.environment()}), and {@code exec.env_truncated=N} when the sensor cut or left
 * out N entries (docs/sensor-protocol.md, "Sink kinds"). The entries are laid out as one text,
 * {@code NAME=value} joined by NUL (which no name or value can hold), so every input is searched
 * once for all of them.
 *
 * <p>Example: attrs {@code env.LD_PRELOAD=/tmp/x.so}, {@code env.LANG=C} give the text
 * {@code LANG=C\0LD_PRELOAD=/tmp/x.so} (entries in name order).
 */
final class Environment {
    static final String PREFIX = "env.";
    static final String TRUNCATED = "exec.env_truncated";

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private final String text;
    private final long truncated;

    private Environment(SinkCall call) {
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> a : call.attrs().entrySet()) {
            if (a.getKey().startsWith(PREFIX) && a.getKey().length() > PREFIX.length()) {
                sorted.put(a.getKey().substring(PREFIX.length()), a.getValue());
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (b.length() > 0) {
                b.append('\0');
            }
            starts.add(b.length());
            names.add(e.getKey());
            values.add(e.getValue());
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        text = b.toString();
        truncated = count(call.attr(TRUNCATED));
    }

    static Environment of(SinkCall call) {
        return new Environment(call);
    }

    /** {@code NAME=value} entries joined by NUL; empty when the call sets none. */
    String text() {
        return text;
    }

    int size() {
        return names.size();
    }

    /** Entries the sensor cut or left out; a malformed count reads as "some". */
    long truncated() {
        return truncated;
    }

    String name(int k) {
        return names.get(k);
    }

    String value(int k) {
        return values.get(k);
    }

    /** Where entry {@code k} ({@code NAME=value}) starts in {@link #text()}. */
    int start(int k) {
        return starts.get(k);
    }

    /** The entry that holds offset {@code at} of {@link #text()}. */
    int entryAt(int at) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long count(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(s.strip());
            return n < 0 ? 1 : n;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
