package dev.pincer.inspection.body;

/**
 * The name of the current position in a JSON or XML document, built incrementally as the parser
 * enters and leaves containers. Only the first {@code maxSegments} levels get a segment (deeper
 * levels reuse the deepest named path), and the text is capped one character past the name limit
 * so the collector both cuts it and records the cut. No allocation per push beyond the builder's.
 *
 * <p>Example: {@code push(".", "user")}, {@code pushIndex(2)} then {@code current()} gives
 * {@code "user[2]"} (a leading separator is dropped at the root); {@code with("#", "k")} gives
 * {@code "user[2]#k"}.
 */
final class PathBuilder {
    private final StringBuilder path = new StringBuilder();
    private final int[] marks;
    private final int cap;
    private int depth;

    PathBuilder(int maxSegments, int maxNameChars) {
        marks = new int[maxSegments];
        cap = maxNameChars + 1;
    }

    /** Enters a level named {@code segment}, joined by {@code separator} unless at the root of a JSON path. */
    void push(String separator, String segment) {
        if (mark()) {
            if (path.length() > 0 || !separator.equals(".")) {
                append(separator);
            }
            append(segment);
        }
    }

    /** Enters array element {@code index}: {@code [index]}. */
    void pushIndex(int index) {
        if (mark()) {
            append("[");
            append(Integer.toString(index));
            append("]");
        }
    }

    /** Leaves the innermost level. */
    void pop() {
        depth--;
        if (depth >= 0 && depth < marks.length) {
            path.setLength(marks[depth]);
        }
    }

    String current() {
        return path.toString();
    }

    /** The current path followed by {@code separator} and {@code last}, without entering a level. */
    String with(String separator, String last) {
        int keep = path.length();
        append(separator);
        append(last);
        String s = path.toString();
        path.setLength(keep);
        return s;
    }

    private boolean mark() {
        if (depth++ >= marks.length) {
            return false;
        }
        marks[depth - 1] = path.length();
        return true;
    }

    private void append(String s) {
        int room = cap - path.length();
        if (room > 0) {
            path.append(s, 0, Math.min(room, s.length()));
        }
    }
}
