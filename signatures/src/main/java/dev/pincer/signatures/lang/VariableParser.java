package dev.pincer.signatures.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses the variables argument of {@code SecRule} (and the targets of
 * {@code SecRuleUpdateTargetById}) the way ModSecurity v3's scanner reads it.
 *
 * <ul>
 *   <li>Selectors are separated by {@code |} (v3 also takes {@code ,}); blanks are not allowed
 *       outside quotes.</li>
 *   <li>Each is {@code [&|!]NAME[:key]}; {@code NAME} is matched case-insensitively against
 *       {@link Variables} and returned upper-case; {@code .} may stand for {@code :} as in v3
 *       ({@code TX.score}).</li>
 *   <li>A key is a name ({@code ARGS:foo}, case kept), a regex between slashes
 *       ({@code ARGS:/^json\./}, {@code \/} does not close it, {@code |} inside it is part of
 *       it), or single-quoted ({@code ARGS:'a b'}, {@code REQUEST_COOKIES:'/^_ga/'}), where
 *       {@code \'} stands for {@code '}. {@code XML} keys are XPath expressions and taken
 *       literally ({@code XML:/*}).</li>
 *   <li>Only collections take keys. {@code !} and {@code &} cannot be combined. As in v3's
 *       grammar, {@code !} may stand without a key ({@code !ARGS}, the whole collection);
 *       what it removes is the compiler's business.</li>
 * </ul>
 *
 * <p>Example: {@code parse("REQUEST_HEADERS|!REQUEST_HEADERS:Referer|&TX:/^x_/")} gives three
 * selectors: all request headers, minus Referer, and the count of TX keys matching {@code ^x_}.
 */
public final class VariableParser {

    private VariableParser() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the precise reason when {@code text} is not a valid
     *     variable list
     */
    public static List<VariableSelector> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty variable list");
        }
        List<VariableSelector> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            if (i == n) {
                throw new IllegalArgumentException("missing variable after the last '|'");
            }
            boolean count = false;
            boolean exclude = false;
            char c = text.charAt(i);
            if (c == '&' || c == '!') {
                count = c == '&';
                exclude = c == '!';
                i++;
                if (i < n && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
                    throw new IllegalArgumentException("'" + c + "' followed by '" + text.charAt(i)
                            + "': a selector is counted (&) or excluded (!), once");
                }
            }
            int nameStart = i;
            while (i < n && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new IllegalArgumentException(i == n ? "missing variable name at the end"
                        : "expected a variable name at '" + DirectiveScanner.excerpt(text, i) + "'");
            }
            String name = text.substring(nameStart, i).toUpperCase(Locale.ROOT);
            if (!Variables.isKnown(name)) {
                throw new IllegalArgumentException("unknown variable '" + text.substring(nameStart, i) + "'");
            }
            String key = null;
            boolean regex = false;
            if (i < n && (text.charAt(i) == ':' || text.charAt(i) == '.')) {
                if (!Variables.isCollection(name)) {
                    throw new IllegalArgumentException(name + " is not a collection: it takes no key");
                }
                i++;
                if (i == n || text.charAt(i) == '|' || text.charAt(i) == ',') {
                    throw new IllegalArgumentException("empty key after " + name + ":");
                }
                char k = text.charAt(i);
                if (k == '\'') {
                    StringBuilder quoted = new StringBuilder();
                    i = quoted(text, i + 1, quoted, name);
                    String content = quoted.toString();
                    if (content.length() >= 2 && content.startsWith("/") && content.endsWith("/")
                            && !name.equals("XML")) {
                        key = content.substring(1, content.length() - 1);
                        regex = true;
                    } else {
                        key = content;
                    }
                } else if (k == '/' && !name.equals("XML")) {
                    int end = closingSlash(text, i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unterminated regex key after " + name + ": no closing '/'");
                    }
                    key = text.substring(i + 1, end);
                    regex = true;
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < n && text.charAt(i) != '|' && text.charAt(i) != ',') {
                        if (DirectiveScanner.isBlank(text.charAt(i)) || text.charAt(i) == '\n') {
                            throw new IllegalArgumentException("blank in the key of " + name
                                    + ": quote the key ('a b')");
                        }
                        i++;
                    }
                    key = text.substring(start, i);
                }
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("empty " + (regex ? "regex " : "") + "key after " + name + ":");
                }
            }
            out.add(new VariableSelector(count, exclude, name, key, regex));
            if (i == n) {
                return out;
            }
            char sep = text.charAt(i);
            if (sep != '|' && sep != ',') {
                throw new IllegalArgumentException("expected '|' after " + text.substring(nameStart - (count || exclude ? 1 : 0), i)
                        + ", found '" + DirectiveScanner.excerpt(text, i) + "'");
            }
            i++;
        }
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Index of the first '/' at or after {@code from} not escaped by a backslash, or -1. */
    private static int closingSlash(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Reads a single-quoted key after its opening quote; returns the index after the closing quote. */
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
        throw new IllegalArgumentException("unterminated single quote in the key of " + name);
    }
}
