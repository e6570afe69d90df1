package dev.pincer.signatures.detect;

/**
 * A small HTML5-style tokenizer for {@link XssDetector}: it follows the states of the HTML
 * tokenizer that decide where tags, attribute names and attribute values start (WHATWG HTML,
 * section 13.2.5: data, tag open, tag name, before/after attribute name, attribute value quoted
 * and unquoted, markup declaration, comment, bogus comment, DOCTYPE), and leaves out what does not
 * (character references, the insertion modes, raw-text elements).
 *
 * <p>Arguments: the value, and where it is assumed to land in a page ({@link Start#DATA}: in
 * text; {@link Start#UNQUOTED}: after an unquoted attribute value the value's first space
 * ended, so it starts with attribute names; the others: inside an attribute value opened by
 * {@code '}, {@code "} or {@code `}). Each {@link #next} returns the next token type and sets {@link #start}/{@link #end}
 * to its text; every call consumes input, so a scan is linear and allocation-free.
 *
 * <p>Example: {@code x" onload="alert(1)} from {@link Start#DOUBLE_QUOTED} gives
 * {@code ATTR_VALUE "x"}, {@code ATTR_NAME "onload"}, {@code ATTR_VALUE "alert(1)"}.
 */
final class HtmlTokenizer {
    /** Where the value is assumed to start. */
    enum Start { DATA, UNQUOTED, SINGLE_QUOTED, DOUBLE_QUOTED, BACK_QUOTED }

    static final int EOF = 0, TEXT = 1, TAG_OPEN = 2, TAG_END = 3, TAG_CLOSE = 4, ATTR_NAME = 5,
            ATTR_VALUE = 6, COMMENT = 7, DOCTYPE = 8;

    private enum State { DATA, TAG_OPEN, BEFORE_ATTR, AFTER_ATTR_NAME, BEFORE_VALUE, VALUE_START }

    private final String s;
    private final int n;
    private State state;
    private char startQuote;
    private int pos;
    int start;
    int end;

    HtmlTokenizer(String s, Start from) {
        this.s = s;
        this.n = s.length();
        switch (from) {
            case DATA -> state = State.DATA;
            case UNQUOTED -> state = State.BEFORE_ATTR; // the echo's value ended at a space
            case SINGLE_QUOTED -> { state = State.VALUE_START; startQuote = '\''; }
            case DOUBLE_QUOTED -> { state = State.VALUE_START; startQuote = '"'; }
            default -> { state = State.VALUE_START; startQuote = '`'; }
        }
    }

    int next() {
        while (pos < n) {
            switch (state) {
                case DATA -> {
                    int lt = s.indexOf('<', pos);
                    start = pos;
                    end = lt < 0 ? n : lt;
                    pos = end;
                    state = State.TAG_OPEN;
                    if (end > start) {
                        return TEXT;
                    }
                }
                case TAG_OPEN -> {
                    int t = tagOpen();
                    if (t != EOF) {
                        return t;
                    }
                }
                case BEFORE_ATTR -> {
                    int t = beforeAttribute();
                    if (t != EOF) {
                        return t;
                    }
                }
                case AFTER_ATTR_NAME -> {
                    pos = skipWhite(pos);
                    if (pos < n && s.charAt(pos) == '=') {
                        pos++;
                        state = State.BEFORE_VALUE;
                    } else {
                        state = State.BEFORE_ATTR;
                    }
                }
                case BEFORE_VALUE -> {
                    pos = skipWhite(pos);
                    if (pos >= n) {
                        return EOF;
                    }
                    char c = s.charAt(pos);
                    if (c == '>') {
                        state = State.BEFORE_ATTR;
                    } else if (c == '"' || c == '\'' || c == '`') {
                        pos++;
                        return value(c);
                    } else {
                        return value((char) 0);
                    }
                }
                case VALUE_START -> {
                    return value(startQuote);
                }
            }
        }
        return EOF;
    }

    /** At {@code <}: a tag, an end tag, a comment, a DOCTYPE, or just a {@code <} in text. */
    private int tagOpen() {
        state = State.DATA;
        if (pos + 1 >= n) {
            start = pos;
            end = n;
            pos = n;
            return TEXT;
        }
        int at = pos + 1;
        while (at + 1 < n && s.charAt(at) == 0) {
            at++; // old parsers (and libinjection) read "<\0img" as "<img"
        }
        char c = s.charAt(at);
        if (isLetter(c)) {
            return name(at, TAG_OPEN);
        }
        if (c == '/') {
            if (pos + 2 < n && isLetter(s.charAt(pos + 2))) {
                return name(pos + 2, TAG_END);
            }
            return bogusComment(pos + 2);
        }
        if (c == '?') {
            return bogusComment(pos + 1);
        }
        if (c == '!') {
            if (s.startsWith("--", pos + 2)) {
                return comment(pos + 4);
            }
            if (s.regionMatches(true, pos + 2, "doctype", 0, 7)) {
                int t = bogusComment(pos + 2);
                return t == COMMENT ? DOCTYPE : t;
            }
            return bogusComment(pos + 2);
        }
        start = pos;
        end = pos + 1;
        pos++;
        return TEXT;
    }

    /**
     * A comment's text from {@code from}, up to where browsers end it (13.2.5.43-52): at
     * {@code -->} or {@code --!>}, or at once for {@code <!-->} and {@code <!--->}.
     */
    private int comment(int from) {
        state = State.DATA;
        start = Math.min(from, n);
        if (s.startsWith(">", from) || s.startsWith("->", from)) {
            end = start;
            pos = s.indexOf('>', from) + 1;
            return COMMENT;
        }
        for (int dash = s.indexOf("--", from); dash >= 0; dash = s.indexOf("--", dash + 1)) {
            int after = dash + 2;
            if (s.startsWith(">", after) || s.startsWith("!>", after)) {
                end = dash;
                pos = s.charAt(after) == '>' ? after + 1 : after + 2;
                return COMMENT;
            }
        }
        end = n;
        pos = n;
        return COMMENT;
    }

    private int bogusComment(int from) {
        int gt = s.indexOf('>', Math.min(from, n));
        start = Math.min(from, n);
        end = gt < 0 ? n : gt;
        pos = gt < 0 ? n : gt + 1;
        state = State.DATA;
        return COMMENT;
    }

    private int name(int from, int type) {
        int i = from;
        while (i < n && !isWhite(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        start = from;
        end = i;
        pos = i;
        state = State.BEFORE_ATTR;
        return type;
    }

    private int beforeAttribute() {
        while (pos < n && (isWhite(s.charAt(pos)) || s.charAt(pos) == '/')) {
            if (s.charAt(pos) == '/' && pos + 1 < n && s.charAt(pos + 1) == '>') {
                start = pos;
                end = pos + 2;
                pos += 2;
                state = State.DATA;
                return TAG_CLOSE;
            }
            pos++;
        }
        if (pos >= n) {
            return EOF;
        }
        if (s.charAt(pos) == '>') {
            start = pos;
            end = ++pos;
            state = State.DATA;
            return TAG_CLOSE;
        }
        int i = pos + 1; // an '=' first is part of the name (13.2.5.32)
        while (i < n) {
            char c = s.charAt(i);
            if (isWhite(c) || c == '/' || c == '>' || c == '=') {
                break;
            }
            i++;
        }
        start = pos;
        end = i;
        pos = i;
        state = State.AFTER_ATTR_NAME;
        return ATTR_NAME;
    }

    /** An attribute value, quoted by {@code quote} or unquoted ({@code 0}). */
    private int value(char quote) {
        int i = pos;
        if (quote == 0) {
            while (i < n && !isWhite(s.charAt(i)) && s.charAt(i) != '>') {
                i++;
            }
            start = pos;
            end = i;
            pos = i;
        } else {
            int close = s.indexOf(quote, pos);
            start = pos;
            end = close < 0 ? n : close;
            pos = close < 0 ? n : close + 1;
        }
        state = State.BEFORE_ATTR;
        return ATTR_VALUE;
    }

    private int skipWhite(int i) {
        while (i < n && isWhite(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0B;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
