package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * Parses the operator argument of a {@code SecRule} as ModSecurity v3's scanner does.
 *
 * <ul>
 *   <li>Leading blanks are skipped. {@code !} (blanks may follow) negates.</li>
 *   <li>{@code @name} names the operator (letters, digits, {@code _}). The argument is
 *       everything after the one blank that follows the name, kept verbatim (v3 keeps a second
 *       blank as part of the argument: {@code "@streq  a"} compares with {@code " a"}). No
 *       argument gives "".</li>
 *   <li>Without {@code @}, the whole text is a regex: {@code ^GET$} is {@code @rx ^GET$}.</li>
 * </ul>
 *
 * <p>Example: {@code parse("!@within %{tx.allowed_methods}")} gives
 * {@code OperatorSpec(true, "within", "%{tx.allowed_methods}")}.
 */
public final class OperatorParser {

    private OperatorParser() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the precise reason when {@code text} is empty, only
     *     {@code !}, or malformed after {@code @}
     */
    public static OperatorSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        int i = skipBlanks(text, 0);
        boolean negated = false;
        if (i < n && text.charAt(i) == '!') {
            negated = true;
            i = skipBlanks(text, i + 1);
        }
        if (i == n) {
            throw new IllegalArgumentException(negated ? "missing operator after '!'" : "empty operator");
        }
        if (text.charAt(i) != '@') {
            return new OperatorSpec(negated, "rx", text.substring(i));
        }
        int start = ++i;
        while (i < n && isNameChar(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException(i == n ? "missing operator name after '@'"
                    : "expected an operator name after '@', found '" + DirectiveScanner.excerpt(text, i) + "'");
        }
        String name = text.substring(start, i);
        if (i == n) {
            return new OperatorSpec(negated, name, "");
        }
        char c = text.charAt(i);
        if (c != ' ' && c != '\t') {
            throw new IllegalArgumentException("expected a blank after '@" + name + "', found '"
                    + DirectiveScanner.excerpt(text, i) + "'");
        }
        return new OperatorSpec(negated, name, text.substring(i + 1));
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && DirectiveScanner.isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
