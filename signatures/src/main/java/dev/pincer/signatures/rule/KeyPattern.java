package dev.pincer.signatures.rule;

import dev.pincer.signatures.regex.Regex;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regex of a key selection ({@code ARGS:/^id_/}, {@code TX:/^header_name_920450_/},
 * {@code !REQUEST_COOKIES:/__utm/}), case-insensitive, with a memo of the names it has judged:
 * the same TX names, header names and argument names come back with every request, and a regex
 * costs a hundred times a map lookup. The memo keeps names up to {@link #MAX_NAME_CHARS} chars and
 * at most {@link #MAX_NAMES} of them; when it is full it is emptied and fills again, so a client
 * sending new names makes it no slower than the regex alone. Thread-safe.
 *
 * <p>A name the engine fails on (never seen with SafeRE) is {@link Regex.Result#GAVE_UP}, not "no
 * match", and is not remembered: a selection then takes the value and an exclusion leaves it in
 * ({@link Target}), so a failure can add work but never take a value out of inspection.
 */
public final class KeyPattern {

    /** Names judged at most before the memo starts over. */
    static final int MAX_NAMES = 1024;
    /** Longer names are judged every time. */
    static final int MAX_NAME_CHARS = 256;

    private final Regex regex;
    private final ConcurrentHashMap<String, Regex.Result> judged = new ConcurrentHashMap<>();

    KeyPattern(String pattern) {
        this(Regex.compile("(?i)" + pattern));
    }

    /** Tests: a key regex on {@code regex} as it is (no case folding added). */
    KeyPattern(Regex regex) {
        this.regex = regex;
    }

    /** Whether the regex matches somewhere in {@code name}, or {@link Regex.Result#GAVE_UP}. */
    public Regex.Result judge(String name) {
        if (name.length() > MAX_NAME_CHARS) {
            return regex.search(name, null);
        }
        Regex.Result known = judged.get(name);
        if (known != null) {
            return known;
        }
        Regex.Result found = regex.search(name, null);
        if (found == Regex.Result.GAVE_UP) {
            return found;
        }
        if (judged.size() >= MAX_NAMES) {
            judged.clear();
        }
        judged.put(name, found);
        return found;
    }

    /** Names in the memo now (for tests). */
    int judged() {
        return judged.size();
    }

    @Override
    public String toString() {
        return regex.pattern();
    }
}
