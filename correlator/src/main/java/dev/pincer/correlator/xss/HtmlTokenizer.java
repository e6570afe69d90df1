package dev.pincer.correlator.xss;

import java.util.Locale;
import java.util.Set;

/**
 * Reads an HTML document (or a prefix of one) the way a browser's tokenizer does (WHATWG HTML
 * §13.2.5), far enough to say which characters are structure and which are content: text, tags
 * and their attributes (quoted and unquoted values), comments, bogus comments and declarations,
 * the raw-text elements ({@code script}, {@code style}, {@code noscript} as a scripting browser
 * reads it, {@code xmp}, {@code iframe}, {@code noembed}, {@code noframes}), the RCDATA elements
 * ({@code title}, {@code textarea}), {@code plaintext}, and CDATA sections inside {@code svg} and
 * {@code math}, where {@code style} and {@code script} are not raw text. Script and style content
 * (elements and attributes) is then read by {@link ScriptSyntax} and {@link StyleSyntax}.
 *
 * <p>One pass, linear in the length (each character is visited a bounded number of times), no
 * recursion, never throws; a document cut anywhere (a prefix) is read as far as it goes. It does
 * not build a tree: the few tree rules that change tokenizing (foreign content, raw text) are
 * tracked with a depth counter.
 *
 * <p>Example: {@code <p>Hello <b>x</b></p>} marks {@code <p>}, {@code <b>}, {@code </b>} and
 * {@code </p>} as structure and {@code Hello } and {@code x} as content.
 */
final class HtmlTokenizer {
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "noscript", "xmp", "iframe", "noembed",
            "noframes", "title", "textarea");
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "action", "formaction", "xlink:href", "data",
            "poster", "background", "codebase", "cite", "longdesc", "manifest", "icon", "dynsrc", "lowsrc");

    private final String s;
    private final int n;
    private final Markup m;
    private int foreign;

    private HtmlTokenizer(String s) {
        this.s = s;
        this.n = s.length();
        this.m = new Markup(n);
    }

    static Markup scan(String html) {
        return scan(html, html.length());
    }

    /**
     * Reads {@code html} as far as needed to give the role of every character before
     * {@code upTo}: the construct that contains {@code upTo} is read whole, nothing after it.
     */
    static Markup scan(String html, int upTo) {
        HtmlTokenizer t = new HtmlTokenizer(html);
        t.run(upTo);
        ScriptSyntax.markAll(html, t.m);
        StyleSyntax.markAll(html, t.m);
        return t.m;
    }

    private void run(int upTo) {
        int i = 0;
        while (i < n && i < upTo) {
            if (s.charAt(i) != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            char c = s.charAt(i + 1);
            if (c == '!') {
                i = Declarations.at(s, i, m, foreign > 0);
            } else if (c == '?') {
                i = Declarations.bogus(s, i, m);
            } else if (c == '/') {
                i = endTag(i);
            } else if (letter(c)) {
                i = startTag(i);
            } else {
                i++; // a '<' that opens nothing is text
            }
        }
    }

    private int endTag(int i) {
        if (i + 2 < n && s.charAt(i + 2) == '>') { // "</>" is dropped
            m.mark(i, i + 3, Role.END_TAG);
            return i + 3;
        }
        if (i + 2 >= n || !letter(s.charAt(i + 2))) {
            return Declarations.bogus(s, i, m);
        }
        int j = name(i + 2);
        m.mark(i, j, Role.END_TAG);
        String name = s.substring(i + 2, j).toLowerCase(Locale.ROOT);
        if (foreign > 0 && (name.equals("svg") || name.equals("math"))) {
            foreign--;
        }
        return attributes(j, null);
    }

    private int startTag(int i) {
        int j = name(i + 1);
        m.mark(i, j, Role.TAG_OPEN);
        String name = s.substring(i + 1, j).toLowerCase(Locale.ROOT);
        int end = attributes(j, name);
        boolean selfClosing = end >= 2 && end <= n && s.charAt(end - 1) == '>' && s.charAt(end - 2) == '/';
        if (name.equals("svg") || name.equals("math")) {
            foreign += selfClosing ? 0 : 1;
            return end;
        }
        if (foreign > 0 || end >= n) {
            return end;
        }
        if (name.equals("plaintext")) {
            return n; // everything after it is text
        }
        if (!RAW_TEXT.contains(name)) {
            return end;
        }
        int close = closing(end, name);
        if (name.equals("script")) {
            m.span(end, close, Markup.SCRIPT);
        } else if (name.equals("style")) {
            m.span(end, close, Markup.STYLE);
        }
        return close; // the end tag is read by the main loop
    }

    /** Where the raw text that started at {@code from} ends: at {@code </name} + space, / or >, or at the end. */
    private int closing(int from, String name) {
        int k = from;
        while (true) {
            k = s.indexOf("</", k);
            if (k < 0) {
                return n;
            }
            int after = k + 2 + name.length();
            if (s.regionMatches(true, k + 2, name, 0, name.length())
                    && (after == n || space(s.charAt(after)) || s.charAt(after) == '/' || s.charAt(after) == '>')) {
                return k;
            }
            k += 2;
        }
    }

    /** The end of a tag or attribute name starting at {@code from}. */
    private int name(int from) {
        int j = from;
        while (j < n && !space(s.charAt(j)) && s.charAt(j) != '/' && s.charAt(j) != '>') {
            j++;
        }
        return j;
    }

    /** Reads attributes up to and including the tag's {@code >}; returns the index after it. */
    private int attributes(int i, String tag) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                m.mark(i, i + 1, Role.TAG_END);
                return i + 1;
            }
            if (space(c) || c == '/') {
                m.mark(i, i + 1, Role.TAG_INSIDE);
                i++;
                continue;
            }
            int start = i;
            i++; // the first character of a name may be '='
            while (i < n && !space(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>' && s.charAt(i) != '=') {
                i++;
            }
            m.mark(start, i, Role.TAG_INSIDE);
            String attr = s.substring(start, i).toLowerCase(Locale.ROOT);
            int j = skipSpace(i);
            if (j >= n || s.charAt(j) != '=') {
                continue; // no value; the spaces are read by the loop
            }
            m.mark(i, j, Role.TAG_INSIDE);
            m.mark(j, j + 1, Role.ATTR_EQ);
            i = value(skipSpace(j + 1), j + 1, attr, tag);
        }
        return n;
    }

    /** Reads an attribute value at {@code i} (spaces before it start at {@code gap}); returns the index after it. */
    private int value(int i, int gap, String attr, String tag) {
        m.mark(gap, i, Role.TAG_INSIDE);
        if (i >= n || s.charAt(i) == '>') {
            return i;
        }
        char q = s.charAt(i);
        int start;
        int end;
        int next;
        if (q == '"' || q == '\'') {
            m.mark(i, i + 1, Role.QUOTE);
            start = i + 1;
            int close = s.indexOf(q, start);
            end = close < 0 ? n : close;
            if (close >= 0) {
                m.mark(close, close + 1, Role.QUOTE);
            }
            next = close < 0 ? n : close + 1;
        } else {
            start = i;
            int j = i;
            while (j < n && !space(s.charAt(j)) && s.charAt(j) != '>') {
                j++;
            }
            end = j;
            next = j;
        }
        int kind = kind(attr, tag);
        if (kind != 0 && tag != null) {
            m.span(start, end, kind);
        }
        return next;
    }

    private static int kind(String attr, String tag) {
        if (attr.length() > 2 && attr.startsWith("on")) {
            return Markup.EVENT;
        }
        if (attr.equals("style")) {
            return Markup.STYLE_ATTR;
        }
        return URL_ATTRS.contains(attr) ? Markup.URL : 0;
    }

    private int skipSpace(int i) {
        while (i < n && space(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
