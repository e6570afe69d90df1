package dev.pincer.inspection.testing;

import dev.pincer.inspection.input.Input;

/**
 * Parses an expected-input line of a vector file: {@code source:name "raw" ["decoded"]}, where the
 * name is either unquoted (up to the first space) or quoted, and quoted strings use
 * {@link Escapes#text} escapes. Without a decoded form it equals the raw form.
 */
final class ExpectedInput {
    private ExpectedInput() {
    }

    static Input parse(String line) {
        int colon = line.indexOf(':');
        String label = line.substring(0, colon);
        int[] pos = {colon + 1};
        String name;
        if (line.charAt(pos[0]) == '"') {
            name = quoted(line, pos);
        } else {
            int space = line.indexOf(' ', pos[0]);
            name = Escapes.text(line.substring(pos[0], space));
            pos[0] = space;
        }
        skipSpaces(line, pos);
        String raw = quoted(line, pos);
        skipSpaces(line, pos);
        String decoded = pos[0] < line.length() ? quoted(line, pos) : raw;
        if (pos[0] < line.length()) {
            throw new IllegalArgumentException("trailing text in expected input: " + line);
        }
        return new Input(RequestCase.source(label), name, raw, decoded);
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
    }

    private static String quoted(String s, int[] pos) {
        if (s.charAt(pos[0]) != '"') {
            throw new IllegalArgumentException("expected a quoted string at " + pos[0] + " in: " + s);
        }
        int start = pos[0] + 1;
        int i = start;
        while (s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        pos[0] = i + 1;
        return Escapes.text(s.substring(start, i));
    }
}
