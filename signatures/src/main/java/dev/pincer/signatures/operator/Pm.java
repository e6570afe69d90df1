package dev.pincer.signatures.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pm WORDS}: true when any of the space-separated phrases occurs in the value, ASCII case
 * insensitively, on a compact Aho-Corasick automaton built at load. The argument is parsed as
 * ModSecurity v3's {@code parse_pm_content} does: optional surrounding double quotes, {@code |hex|}
 * byte runs ({@code |3c 3f|} is {@code <?}), and the escapes {@code \:} {@code \;} {@code \\}
 * {@code \"}; when that syntax is broken (an odd hex digit, another escape) the argument is taken
 * literally, as v3 does. Macros are not expanded. With {@code capture}, TX.0 is the phrase found
 * (as written in the rule; the first phrase to end in the value).
 *
 * <p>Example: {@code @pm document.cookie window.location} matches {@code x=Document.Cookie}.
 */
final class Pm implements Operator, Phrases {

    /** Phrases in one {@code @pm}: CRS's longest list is 13; ModSecurity has no limit. */
    static final int MAX_PHRASES = 100_000;

    private final AhoCorasick automaton;

    Pm(AhoCorasick automaton) {
        this.automaton = automaton;
    }

    static Pm fromArgument(String argument) {
        List<String> phrases = new ArrayList<>();
        for (String word : parseContent(argument).split("[ \t\n\u000b\f\r]+")) {
            if (!word.isEmpty()) {
                phrases.add(word);
            }
        }
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("@pm needs at least one phrase");
        }
        if (phrases.size() > MAX_PHRASES) {
            throw new IllegalArgumentException("@pm has " + phrases.size() + " phrases (at most "
                    + MAX_PHRASES + ")");
        }
        return new Pm(AhoCorasick.build(phrases));
    }

    @Override
    public List<String> phrases() {
        return automaton.patterns();
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        int found = automaton.find(value);
        if (found < 0) {
            return false;
        }
        if (ctx.capturing()) {
            ctx.capture(0, automaton.pattern(found));
        }
        return true;
    }

    /** ModSecurity v3's {@code parse_pm_content}. Example: {@code "\"|41|B\""} gives {@code "AB"}. */
    static String parseContent(String arg) {
        int offset = 0;
        while (offset < arg.length() && (arg.charAt(offset) == ' ' || arg.charAt(offset) == '\t')) {
            offset++;
        }
        if (offset == arg.length()) {
            return arg;
        }
        int end = arg.length();
        if (end - offset >= 2 && arg.charAt(offset) == '"' && arg.charAt(end - 1) == '"') {
            offset++;
            end--;
        }
        if (end == offset) {
            return arg;
        }
        StringBuilder out = new StringBuilder(end - offset);
        boolean bin = false;
        boolean esc = false;
        int pending = -1;
        for (int i = offset; i < end; i++) {
            char c = arg.charAt(i);
            if (c == '|') {
                bin = !bin;
            } else if (!esc && c == '\\') {
                esc = true;
            } else if (bin) {
                int d = Character.digit(c, 16);
                if (d < 0 || c > 127) {
                    return arg;
                }
                if (pending < 0) {
                    pending = d;
                } else {
                    out.append((char) (pending * 16 + d));
                    pending = -1;
                }
            } else if (esc) {
                if (c != ':' && c != ';' && c != '\\' && c != '"') {
                    return arg;
                }
                out.append(c);
                esc = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
