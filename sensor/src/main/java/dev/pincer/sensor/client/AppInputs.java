package dev.pincer.sensor.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The app's own view of one request's inputs, as an INPUTS frame carries it (protocol v2), bounded
 * as the contract says: at most {@link #MAX_ENTRIES} entries, names cut to {@link #MAX_NAME_CHARS}
 * chars and values to {@link #MAX_VALUE_CHARS}; anything cut (an entry left out, a name or value
 * shortened) sets {@link #truncated()}, which the correlator treats as an incomplete view.
 *
 * <p>Example: {@code add(PARAMETER, "id", "1' OR '1'='1")}, {@code add(HEADER, "user-agent", "curl/8.5")},
 * {@code add(COOKIE, "session", "8f14e4")}. Filled by one thread, then read by the encoder.
 */
public final class AppInputs {
    public static final int PARAMETER = 1;
    public static final int HEADER = 2;
    public static final int COOKIE = 3;

    /** The sensor's bounds (protocol v2 defaults). */
    public static final int MAX_ENTRIES = 512;
    public static final int MAX_NAME_CHARS = 256;
    public static final int MAX_VALUE_CHARS = 8192;
    /** The whole INPUTS frame, length prefix included. */
    public static final int MAX_FRAME_BYTES = 256 * 1024;

    private final List<String> entries = new ArrayList<>();
    private final StringBuilder sources = new StringBuilder();
    private final int maxEntries;
    private boolean truncated;

    public AppInputs() {
        this(MAX_ENTRIES);
    }

    AppInputs(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * Adds one entry, cut to the bounds; returns false (and marks the view truncated) when the
     * entry limit is reached, so a caller can stop early.
     */
    public boolean add(int source, String name, String value) {
        if (source < PARAMETER || source > COOKIE) {
            throw new IllegalArgumentException("source " + source);
        }
        if (sources.length() >= maxEntries) {
            truncated = true;
            return false;
        }
        sources.append((char) source);
        entries.add(cut(name == null ? "" : name, MAX_NAME_CHARS));
        entries.add(cut(value == null ? "" : value, MAX_VALUE_CHARS));
        return true;
    }

    /** True once the entry limit is reached: another {@link #add} would be cut. */
    public boolean full() {
        return sources.length() >= maxEntries;
    }

    /** Marks the view incomplete: something was cut or could not be read. */
    public void markTruncated() {
        truncated = true;
    }

    public boolean truncated() {
        return truncated;
    }

    public int size() {
        return sources.length();
    }

    public int source(int i) {
        return sources.charAt(i);
    }

    public String name(int i) {
        return entries.get(2 * i);
    }

    public String value(int i) {
        return entries.get(2 * i + 1);
    }

    private String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        truncated = true;
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never half a surrogate pair
        }
        return s.substring(0, end);
    }
}
