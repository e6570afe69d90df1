package dev.pincer.correlator.xss;

/**
 * The markup declarations {@link HtmlTokenizer} meets after {@code <!} or {@code <?} (WHATWG HTML
 * §13.2.5.42 on): comments ({@code <!--}, ended by {@code -->} or {@code --!>}; {@code <!-->} and
 * {@code <!--->} end at once), CDATA sections in foreign content, and bogus comments (a doctype
 * included) that end at the next {@code >}. Each returns the index after what it read, or the
 * document's end when it is not closed (the rest of the document is then inside it).
 *
 * <p>Example: {@code <!--x-->} marks {@code <!--} as opening, {@code x} as content and
 * {@code -->} as closing, and returns 8.
 */
final class Declarations {
    private Declarations() {
    }

    /** {@code <!--...-->}, {@code <![CDATA[...]]>} in foreign content, else a bogus comment, at {@code s[i] == '<'}. */
    static int at(String s, int i, Markup m, boolean foreign) {
        int n = s.length();
        if (s.startsWith("<!--", i)) {
            m.mark(i, i + 4, Role.COMMENT_OPEN);
            int j = i + 4;
            if (s.startsWith(">", j) || s.startsWith("->", j)) { // <!--> and <!---> end at once
                int e = s.indexOf('>', j) + 1;
                m.mark(j, e, Role.COMMENT_CLOSE);
                return e;
            }
            for (; j < n; j++) {
                if (s.startsWith("-->", j)) {
                    m.mark(j, j + 3, Role.COMMENT_CLOSE);
                    return j + 3;
                }
                if (s.startsWith("--!>", j)) {
                    m.mark(j, j + 4, Role.COMMENT_CLOSE);
                    return j + 4;
                }
            }
            return n;
        }
        if (foreign && s.startsWith("<![CDATA[", i)) {
            m.mark(i, i + 9, Role.COMMENT_OPEN);
            int e = s.indexOf("]]>", i + 9);
            if (e < 0) {
                return n;
            }
            m.mark(e, e + 3, Role.COMMENT_CLOSE);
            return e + 3;
        }
        return bogus(s, i, m);
    }

    /** A bogus comment or declaration ({@code <!x}, {@code <?x}, {@code </ x}): from its two opening characters to the next {@code >}. */
    static int bogus(String s, int i, Markup m) {
        m.mark(i, i + 2, Role.COMMENT_OPEN);
        int e = s.indexOf('>', i + 2);
        if (e < 0) {
            return s.length();
        }
        m.mark(e, e + 1, Role.COMMENT_CLOSE);
        return e + 1;
    }
}
