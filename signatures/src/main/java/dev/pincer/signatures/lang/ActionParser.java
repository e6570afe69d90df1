package dev.pincer.signatures.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses the actions argument of {@code SecRule}, {@code SecAction}, {@code SecDefaultAction}
 * and {@code SecRuleUpdateActionById}.
 *
 * <ul>
 *   <li>Actions are separated by commas; blanks around them are dropped.</li>
 *   <li>An action is {@code name} or {@code name:value}; the name is letters, digits and
 *       {@code _}, starting with a letter. The value runs to the next comma, or, when it starts
 *       with {@code '}, to the closing quote: commas inside quotes are data, {@code \'} stands for
 *       {@code '} and every other backslash is kept as written (as v3 hands the text to the
 *       action). Nothing but blanks may follow the closing quote.</li>
 *   <li>A quote that does not open the value is data: {@code tag:it's} has the value
 *       {@code it's}.</li>
 *   <li>{@code name:} with nothing after the colon is an error; {@code name:''} is the empty
 *       value.</li>
 * </ul>
 *
 * <p>Example: {@code parse("id:1, t:none,t:lowercase, setvar:'tx.x=%{tx.y}', msg:'a, b'")} gives
 * {@code [id:1, t:none, t:lowercase, setvar:tx.x=%{tx.y}, msg:a, b]}.
 */
public final class ActionParser {

    private ActionParser() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the precise reason when {@code text} is not a valid
     *     action list
     */
    public static List<RawAction> parse(String text) {
        Objects.requireNonNull(text, "text");
        List<RawAction> out = new ArrayList<>();
        int n = text.length();
        int i = skipBlanks(text, 0);
        if (i == n) {
            throw new IllegalArgumentException("empty action list");
        }
        while (true) {
            int nameStart = i;
            while (i < n && isNameChar(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            if (name.isEmpty()) {
                throw new IllegalArgumentException(i == n || text.charAt(i) == ','
                        ? "empty action" + (out.isEmpty() ? " at the start" : " after " + out.get(out.size() - 1).name())
                        : "expected an action name at '" + DirectiveScanner.excerpt(text, i) + "'");
            }
            if (!isLetter(name.charAt(0))) {
                throw new IllegalArgumentException("action name must start with a letter: '" + name + "'");
            }
            i = skipBlanks(text, i);
            String value = null;
            if (i < n && text.charAt(i) == ':') {
                i = skipBlanks(text, i + 1);
                if (i == n || text.charAt(i) == ',') {
                    throw new IllegalArgumentException("missing value after '" + name + ":'");
                }
                if (text.charAt(i) == '\'') {
                    StringBuilder quoted = new StringBuilder();
                    i = quoted(text, i + 1, quoted, name);
                    value = quoted.toString();
                    i = skipBlanks(text, i);
                    if (i < n && text.charAt(i) != ',') {
                        throw new IllegalArgumentException("unexpected text after the closing quote of '" + name
                                + "': '" + DirectiveScanner.excerpt(text, i) + "'");
                    }
                } else {
                    int start = i;
                    while (i < n && text.charAt(i) != ',') {
                        i++;
                    }
                    int end = i;
                    while (end > start && DirectiveScanner.isBlank(text.charAt(end - 1))) {
                        end--;
                    }
                    value = text.substring(start, end);
                }
            } else if (i < n && text.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' or ':' after '" + name + "', found '"
                        + DirectiveScanner.excerpt(text, i) + "'");
            }
            out.add(new RawAction(name, value));
            if (i == n) {
                return out;
            }
            i = skipBlanks(text, i + 1); // past the comma
            if (i == n) {
                throw new IllegalArgumentException("trailing ',' after " + name);
            }
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (DirectiveScanner.isBlank(text.charAt(i)) || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    /** Reads a quoted value after its opening quote; returns the index after the closing quote. */
    private static int quoted(String text, int from, StringBuilder out, String name) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next != '\'') {
                    out.append('\\');
                }
                out.append(next);
            } else if (c == '\'') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated single quote in the value of '" + name + "'");
    }
}
