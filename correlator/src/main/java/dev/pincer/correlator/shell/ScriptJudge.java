package dev.pincer.correlator.shell;

/**
 * Decides whether one occurrence {@code [s, e)} of an input in a shell script changed the script's
 * meaning: it leaves a quote open, contains active syntax, spans more than one word, introduces the
 * blank that splits an argument in two, is the whole name of a command, or (POSIX) starts an
 * argument with {@code -} ({@link Options}; not after a {@code --} of the same command). Expansions are syntax
 * ({@link PosixLexer}: an unquoted glob, tilde or brace expansion, a {@code $} expansion anywhere
 * but in single quotes). Confined (allowed): the input lies inside one word and adds no syntax,
 * quoted or not ({@code file.txt}, {@code a-b}, {@code *.txt} or {@code my file} in quotes).
 *
 * <p>Example: in {@code ping -c 1 8.8.8.8;id} the input {@code 8.8.8.8;id} contains the separator
 * {@code ;}: "input adds shell syntax ';'".
 */
final class ScriptJudge {
    private ScriptJudge() {
    }

    /**
     * A reason, or null when the occurrence is confined to one argument; {@code commandName}: whether
     * being the whole name of a command counts; {@code options}: whether starting an argument with
     * {@code -} counts (POSIX scripts: {@link Options}, unless a {@code --} of the same command
     * stands before it).
     */
    static String judge(ScriptMap m, int s, int e, boolean commandName, boolean options) {
        if (m.unterminatedAt >= 0 && (e > m.unterminatedAt || hasQuote(m, s, e))) {
            return "input leaves a quote open";
        }
        int firstWord = -1;
        int lastWord = -1;
        for (int i = s; i < e; i++) {
            if (m.syntax[i]) {
                return "input adds shell syntax '" + printable(m.script.charAt(i)) + "'" + expansion(m.script.charAt(i));
            }
            if (m.word[i] >= 0) {
                firstWord = firstWord < 0 ? m.word[i] : firstWord;
                lastWord = m.word[i];
            }
        }
        if (firstWord != lastWord) {
            return "input spans " + (lastWord - firstWord + 1) + " arguments";
        }
        if (splitsWord(m, s, e)) {
            return "input splits an argument in two";
        }
        if (options && firstWord >= 0 && startsOption(m, firstWord, s, e)) {
            return "input starts an argument with '-' (option injection)";
        }
        if (commandName && firstWord >= 0 && m.command(firstWord) && m.literalStart(firstWord) >= s
                && m.literalEnd(firstWord) <= e && m.literalStart(firstWord) >= 0) {
            return "input names the command";
        }
        return null;
    }

    /** Word {@code w}, an argument, starts with {@code -} inside {@code [s, e)} and reads as an option. */
    private static boolean startsOption(ScriptMap m, int w, int s, int e) {
        int ls = m.literalStart(w);
        if (m.command(w) || ls < s || ls >= e || m.script.charAt(ls) != '-'
                || !Options.optionLike(m.script.substring(ls, m.literalEnd(w)))) {
            return false;
        }
        for (int v = w - 1; v >= 0 && !m.command(v); v--) {
            if (m.literalStart(v) >= 0 && m.script.substring(m.literalStart(v), m.literalEnd(v)).equals("--")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasQuote(ScriptMap m, int s, int e) {
        for (int i = s; i < e; i++) {
            if (m.quote[i]) {
                return true;
            }
        }
        return false;
    }

    /** An unquoted blank run wholly inside the occurrence, with word characters on both sides. */
    private static boolean splitsWord(ScriptMap m, int s, int e) {
        int i = s;
        while (i < e) {
            if (!m.blank[i]) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < m.script.length() && runEnd <= e && m.blank[runEnd]) {
                runEnd++;
            }
            boolean inside = (i > s || i == s && (s == 0 || !m.blank[s - 1])) && runEnd <= e;
            if (inside && i > 0 && m.word[i - 1] >= 0 && runEnd < m.script.length() && m.word[runEnd] >= 0) {
                return true;
            }
            i = runEnd;
        }
        return false;
    }

    /** What an expansion character does, for the reason; empty for separators and the like. */
    private static String expansion(char c) {
        return switch (c) {
            case '*', '?', '[' -> " (a glob)";
            case '~' -> " (tilde expansion)";
            case '$' -> " (an expansion)";
            default -> "";
        };
    }

    static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
    }
}
