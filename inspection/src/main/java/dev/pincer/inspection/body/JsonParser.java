package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON grammar (RFC 8259) that every view of a JSON body is built on: a push parser over the
 * raw bytes that tells a {@link Listener} about each container, key and scalar, in document order.
 * The correlator's inputs ({@link JsonBody}) and the rule engine's {@code ARGS}
 * ({@code seclang.variables.JsonArguments}) are two listeners of it, and {@link Tee} lets one pass
 * feed both.
 *
 * <p>The grammar: a leading UTF-8 byte order mark and whitespace (space, tab, CR, LF) are skipped;
 * strings take every RFC 8259 escape, a <code>&#92;u</code> surrogate pair is combined, a lone
 * surrogate becomes U+FFFD, a control character inside a string is an error; numbers are an
 * optional {@code -}, a digit, then digits, {@code .}, {@code e}, {@code E}, {@code +} and
 * {@code -}; the literals are {@code true}, {@code false} and {@code null}. Anything after the root
 * value is an error.
 *
 * <p>A token's text ({@link #utf8}, {@link #latin1}) is the unescaped bytes: a string without
 * escapes is read in place, one with escapes is unescaped into a scratch buffer owned by the
 * parser and valid only during the callback. A string that runs into the end of the input is still
 * reported, with {@link #cut()} set, and the parse then ends {@link #ENDED}.
 *
 * <p>Linear time, no recursion: an explicit stack of one boolean per open container, memory
 * linear in the nesting. Never throws on any bytes.
 *
 * <p>Example: {@code {"a":[1,"x"]}} gives {@code open(object)}, {@code key "a"},
 * {@code open(array)}, {@code scalar NUMBER "1"}, {@code scalar STRING "x"}, {@code close},
 * {@code close} and ends {@link #DONE}.
 */
public final class JsonParser {
    /** Scalar kinds, as {@link #kind()} gives them. */
    public static final int STRING = 1;
    public static final int NUMBER = 2;
    public static final int TRUE = 3;
    public static final int FALSE = 4;
    public static final int NULL = 5;

    /** How {@link #parse} ended: the document was whole and valid. */
    public static final int DONE = 0;
    /** The input ran out inside the document. */
    public static final int ENDED = 1;
    /** The input is not JSON; {@link #error()} says why. */
    public static final int FAILED = 2;
    /** Every listener asked for nothing more. */
    public static final int STOPPED = 3;

    /** What the parser reports; each {@code boolean} method answers whether to go on. */
    public interface Listener {
        /** A container opens; {@link #depth()} counts it (1 for a root container). */
        boolean open(JsonParser p, boolean object);

        /** The innermost open container closes. */
        void close(JsonParser p);

        /** An object key, before its colon. */
        boolean key(JsonParser p);

        /** A scalar value; {@link #kind()} says which. */
        boolean scalar(JsonParser p);

        /** The parse is over: {@link #outcome()} and {@link #error()} say how it ended. */
        default void end(JsonParser p) {
        }
    }

    private static final int VALUE = 0;
    private static final int FIRST_VALUE = 1;
    private static final int FIRST_KEY = 2;
    private static final int KEY = 3;
    private static final int AFTER = 4;
    private static final byte[] WORDS_TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] WORDS_FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] WORDS_NULL = {'n', 'u', 'l', 'l'};

    private final byte[] b;
    private int pos;
    private boolean[] object = new boolean[16];
    private int depth;
    private String error;
    private int errorOffset = -1;

    private int kind;
    private byte[] text;
    private int from;
    private int to;
    private boolean cut;
    private byte[] scratch;
    private int scratchLength;

    private JsonParser(byte[] b) {
        this.b = b;
        this.pos = Utf8Text.byteOrderMark(b);
    }

    /** Parses all of {@code body} into {@code listener}; the parser, for its outcome and error. */
    public static JsonParser parse(byte[] body, Listener listener) {
        JsonParser p = new JsonParser(body);
        p.outcome = p.run(listener);
        listener.end(p);
        return p;
    }

    /**
     * Parses {@code body} the way the most lenient JSON readers that applications use do, for a
     * body the strict grammar refused: an application may still read it (Gson's lenient mode,
     * org.json, Jackson's {@code ALLOW_*} features, JSON5), and the values it reads must still be
     * inputs. Accepted beyond RFC 8259, as their union:
     * <ul>
     *   <li>comments ({@code //} and {@code #} to the end of the line, <code>/* ... *&#47;</code>)
     *       and the {@code )]}'} prefix;</li>
     *   <li>single-quoted strings, control characters inside strings, and any escaped character
     *       standing for itself (<code>&#92;'</code>, <code>&#92;x41</code>);</li>
     *   <li>unquoted names and values, read as org.json reads them: up to one of
     *       {@code , : ] } / \ " [ { ; = #} or a control character, trimmed (spaces inside are
     *       kept); {@code true}, {@code false} and {@code null} in any case are literals, and
     *       {@code NaN}, {@code Infinity}, {@code 0x1F} and the like are read as such text;</li>
     *   <li>{@code =} and {@code =>} between a name and its value, {@code ;} between members,
     *       missing and trailing separators, a name without a value (read as null), and several
     *       top-level values one after the other.</li>
     * </ul>
     * Whatever else is out of place is skipped a byte at a time, so this never fails: it ends
     * {@link #DONE}, {@link #ENDED} (inside a string, a comment or a container) or
     * {@link #STOPPED}. Linear time: each byte is looked at a bounded number of times.
     */
    public static JsonParser parseLenient(byte[] body, Listener listener) {
        JsonParser p = new JsonParser(body);
        p.lenient = true;
        if (p.startsWith(")]}'")) {
            p.pos += 4;
        }
        p.outcome = p.runLenient(listener);
        listener.end(p);
        return p;
    }

    private boolean lenient;

    /**
     * Whether {@code body} starts the way a document a lenient reader takes does: after a byte
     * order mark, the {@code )]}'} prefix, whitespace and comments, a {@code {}, {@code [} or a
     * quote. Only such a body is read by {@link #parseLenient} for inputs: any text at all is some
     * lenient reader's top-level string.
     */
    public static boolean lenientStart(byte[] body) {
        JsonParser p = new JsonParser(body);
        p.lenient = true;
        if (p.startsWith(")]}'")) {
            p.pos += 4;
        }
        int c = p.peek();
        return c == '{' || c == '[' || c == '"' || c == '\'';
    }

    private int outcome;

    /** {@link #DONE}, {@link #ENDED}, {@link #FAILED} or {@link #STOPPED}. */
    public int outcome() {
        return outcome;
    }

    /** Why the input is not JSON ({@code unexpected '}' at offset 5}), or null. */
    public String error() {
        return error;
    }

    /** The byte offset of the error, or -1. */
    public int errorOffset() {
        return errorOffset;
    }

    /** The number of containers open at this point (during {@code open}, including the new one). */
    public int depth() {
        return depth;
    }

    /** Whether the innermost open container is an object (false at the root). */
    public boolean inObject() {
        return depth > 0 && object[depth];
    }

    /** The current scalar's kind. */
    public int kind() {
        return kind;
    }

    /** Whether the current string ran into the end of the input (its text is what was there). */
    public boolean cut() {
        return cut;
    }

    /** The current token's length in bytes. */
    public int length() {
        return to - from;
    }

    /** The current token's text as UTF-8 (bad sequences replaced), read only as far as {@code maxChars} can matter. */
    public String utf8(int maxChars) {
        return Utf8Text.decode(text, from, to, maxChars);
    }

    /** The current token's text as a byte string: one char per byte, as ModSecurity sees values. */
    public String latin1() {
        return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * The current token's text as Jackson decodes UTF-8, when that differs from {@link #utf8}: null
     * when the token holds no overlong two- or three-byte sequence. Jackson's byte parser decodes a
     * lead byte and its continuation bytes without checking that the code point needed that many
     * bytes, so {@code C0 A7} and {@code E0 80 A7} are an apostrophe to an app that reads JSON with
     * it, and U+FFFD to a strict decoder.
     */
    public String overlongUtf8(int maxChars) {
        boolean any = false;
        for (int i = from; i < to && !any; i++) {
            int c = text[i] & 0xff;
            if (c >= 0xC0 && c <= 0xE0) { // only C0, C1 and E0 lead an overlong that decodes to ASCII or Latin
                any = c != 0xE0 ? c <= 0xC1 && i + 1 < to && (text[i + 1] & 0xC0) == 0x80
                        : i + 2 < to && (text[i + 1] & 0xE0) == 0x80 && (text[i + 2] & 0xC0) == 0x80;
            }
        }
        if (!any) {
            return null;
        }
        int i;
        byte[] out = new byte[to - from];
        int n = 0;
        for (i = from; i < to; i++) {
            int c = text[i] & 0xff;
            int cp = -1;
            if ((c == 0xC0 || c == 0xC1) && i + 1 < to && (text[i + 1] & 0xC0) == 0x80) {
                cp = (c & 0x1F) << 6 | text[i + 1] & 0x3F;
                i += 1;
            } else if (c == 0xE0 && i + 2 < to && (text[i + 1] & 0xE0) == 0x80 && (text[i + 2] & 0xC0) == 0x80) {
                cp = (text[i + 1] & 0x3F) << 6 | text[i + 2] & 0x3F;
                i += 2;
            }
            if (cp < 0) {
                out[n++] = (byte) c;
            } else if (cp < 0x80) {
                out[n++] = (byte) cp;
            } else {
                out[n++] = (byte) (0xC0 | cp >> 6);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        return Utf8Text.decode(out, 0, n, maxChars);
    }

    /** Whether the current token's bytes are all ASCII: then {@link #utf8} and {@link #latin1} agree. */
    public boolean ascii() {
        for (int i = from; i < to; i++) {
            if (text[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private int run(Listener l) {
        int state = VALUE;
        while (true) {
            int c = peek();
            if (c < 0) {
                return state == AFTER && depth == 0 ? DONE : ENDED;
            }
            if (state == VALUE || state == FIRST_VALUE && c != ']') {
                if (c == '{' || c == '[') {
                    if (!open(l, c)) {
                        return STOPPED;
                    }
                    state = c == '{' ? FIRST_KEY : FIRST_VALUE;
                    continue;
                }
                int r = scalar(c);
                if (r == FAILED || r == ENDED && !cut) {
                    return r;
                }
                if (!l.scalar(this)) {
                    return STOPPED;
                }
                if (r == ENDED) {
                    return ENDED;
                }
                state = AFTER;
            } else if (state == FIRST_KEY && c == '}' || state == FIRST_VALUE) {
                close(l);
                state = AFTER;
            } else if (state == FIRST_KEY || state == KEY) {
                if (c != '"') {
                    return fail(pos);
                }
                int r = string();
                if (r == FAILED) {
                    return r;
                }
                if (!l.key(this)) {
                    return STOPPED;
                }
                if (r == ENDED) {
                    return ENDED;
                }
                int colon = peek();
                if (colon != ':') {
                    return colon < 0 ? ENDED : fail(pos);
                }
                pos++;
                state = VALUE;
            } else if (depth > 0 && c == ',') {
                pos++;
                state = object[depth] ? KEY : VALUE;
            } else if (depth > 0 && c == (object[depth] ? '}' : ']')) {
                close(l);
                state = AFTER;
            } else {
                return fail(pos);
            }
        }
    }

    /**
     * Inside a string: moves {@code pos} to the first byte that is the quote {@code q}, a
     * backslash or (when {@code controls}) a control character, or to the end; true when it
     * stopped at the quote, so the string is the bytes in between.
     */
    private boolean plain(int q, boolean controls) {
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == q) {
                return true;
            }
            if (c == '\\' || controls && c < 0x20) {
                return false;
            }
            pos++;
        }
        return false;
    }

    /** At {@code {} or {@code [}: opens the container; false when the listener wants nothing more. */
    private boolean open(Listener l, int c) {
        pos++;
        push(c == '{');
        return l.open(this, c == '{');
    }

    /** At the innermost container's closing byte: closes it. */
    private void close(Listener l) {
        pos++;
        depth--;
        l.close(this);
    }

    private void push(boolean isObject) {
        if (++depth == object.length) {
            object = Arrays.copyOf(object, depth * 2);
        }
        object[depth] = isObject;
    }

    /** Skips whitespace (and, when lenient, comments); the next byte (not consumed), or -1 at the end. */
    private int peek() {
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (!lenient || !comment(c)) {
                return c;
            }
        }
        return -1;
    }

    /** At {@code c}: skips a comment or a lenient blank and returns true, else false. */
    private boolean comment(int c) {
        if (c == '\f' || c == 0x0b) {
            pos++;
            return true;
        }
        if (c == '#' || c == '/' && pos + 1 < b.length && b[pos + 1] == '/') {
            while (pos < b.length && b[pos] != '\n') {
                pos++;
            }
            return true;
        }
        if (c == '/' && pos + 1 < b.length && b[pos + 1] == '*') {
            pos += 2;
            while (pos < b.length && !(b[pos] == '*' && pos + 1 < b.length && b[pos + 1] == '/')) {
                pos++;
            }
            pos = Math.min(b.length, pos + 2);
            return true;
        }
        return false;
    }

    private int fail(int at) {
        error = Reasons.unexpected(b, at);
        errorOffset = Math.min(at, b.length);
        return FAILED;
    }

    private int fail(String what, int at) {
        error = what + " at offset " + at;
        errorOffset = at;
        return FAILED;
    }

    /** A scalar starting with {@code c}: MORE (-1), ENDED (with {@link #cut} for a string) or FAILED. */
    private int scalar(int c) {
        cut = false;
        if (c == '"') {
            kind = STRING;
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            kind = NUMBER;
            return number();
        }
        if (c == 't') {
            kind = TRUE;
            return literal(WORDS_TRUE);
        }
        if (c == 'f') {
            kind = FALSE;
            return literal(WORDS_FALSE);
        }
        if (c == 'n') {
            kind = NULL;
            return literal(WORDS_NULL);
        }
        return fail(pos);
    }

    private int number() {
        int start = pos;
        if (b[pos] == '-' && ++pos >= b.length) {
            return ENDED;
        }
        if (b[pos] < '0' || b[pos] > '9') {
            return fail(pos);
        }
        while (pos < b.length && (b[pos] >= '0' && b[pos] <= '9' || b[pos] == '.' || b[pos] == 'e'
                || b[pos] == 'E' || b[pos] == '+' || b[pos] == '-')) {
            pos++;
        }
        token(b, start, pos);
        return -1;
    }

    private int literal(byte[] word) {
        int start = pos;
        for (byte w : word) {
            if (pos >= b.length) {
                return ENDED;
            }
            if (b[pos] != w) {
                return fail(pos);
            }
            pos++;
        }
        token(b, start, pos);
        return -1;
    }

    private void token(byte[] t, int start, int end) {
        text = t;
        from = start;
        to = end;
    }

    /** At an opening quote: MORE (-1), ENDED with {@link #cut} set (the text read so far), or FAILED. */
    private int string() {
        cut = false;
        int start = ++pos;
        if (plain('"', true)) {
            token(b, start, pos++);
            return -1;
        }
        scratchLength = 0;
        append(b, start, pos);
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                token(scratch, 0, scratchLength);
                return -1;
            }
            if (c < 0x20) {
                return fail("control character in string", pos);
            }
            if (c != '\\') {
                append(c);
                pos++;
                continue;
            }
            int r = escape();
            if (r == FAILED) {
                return r;
            }
            if (r == ENDED) {
                break;
            }
        }
        cut = true;
        token(scratch, 0, scratchLength);
        return ENDED;
    }

    /** At a backslash inside a string: appends the escaped character; MORE, ENDED or FAILED. */
    private int escape() {
        if (pos + 1 >= b.length) {
            pos = b.length;
            return ENDED;
        }
        int c = switch (b[pos + 1]) {
            case '"', '\\', '/' -> b[pos + 1];
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -2;
            default -> -1;
        };
        if (c == -1) {
            return fail("bad escape", pos);
        }
        if (c != -2) {
            append(c);
            pos += 2;
            return -1;
        }
        int cp = hex4(pos + 2);
        if (cp < 0) {
            return cp == -1 ? ENDED : FAILED;
        }
        pos += 6;
        if (Character.isHighSurrogate((char) cp)) {
            boolean next = pos + 1 < b.length && b[pos] == '\\' && b[pos + 1] == 'u';
            int low = next ? hex4(pos + 2) : -3;
            if (low == -1 || low == -2) {
                return low == -1 ? ENDED : FAILED;
            }
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                cp = Character.toCodePoint((char) cp, (char) low);
                pos += 6;
            } else {
                cp = 0xFFFD; // a lone high surrogate; a following escape is read on its own
            }
        } else if (Character.isLowSurrogate((char) cp)) {
            cp = 0xFFFD;
        }
        appendCodePoint(cp);
        return -1;
    }

    /** The four hex digits at {@code at}; -1 when the input ends first (pos at the end), -2 on a bad digit. */
    private int hex4(int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            if (i >= b.length) {
                pos = b.length;
                return -1;
            }
            int c = b[i];
            int lower = c | 0x20;
            int d = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
            if (d < 0) {
                fail("bad \\u escape", i);
                return -2;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private void append(byte[] src, int start, int end) {
        int n = end - start;
        ensure(n);
        System.arraycopy(src, start, scratch, scratchLength, n);
        scratchLength += n;
    }

    private void append(int c) {
        ensure(1);
        scratch[scratchLength++] = (byte) c;
    }

    private void appendCodePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            scratch[scratchLength++] = (byte) cp;
        } else if (cp < 0x800) {
            scratch[scratchLength++] = (byte) (0xC0 | cp >> 6);
            scratch[scratchLength++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            scratch[scratchLength++] = (byte) (0xE0 | cp >> 12);
            scratch[scratchLength++] = (byte) (0x80 | cp >> 6 & 0x3F);
            scratch[scratchLength++] = (byte) (0x80 | cp & 0x3F);
        } else {
            scratch[scratchLength++] = (byte) (0xF0 | cp >> 18);
            scratch[scratchLength++] = (byte) (0x80 | cp >> 12 & 0x3F);
            scratch[scratchLength++] = (byte) (0x80 | cp >> 6 & 0x3F);
            scratch[scratchLength++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    /** Room for {@code n} more bytes; the scratch never outgrows the body, since unescaping only shrinks. */
    private void ensure(int n) {
        if (scratch == null) {
            scratch = new byte[Math.max(64, n)];
        } else if (scratchLength + n > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratchLength + n, 2 * scratch.length));
        }
    }


    // ---- the lenient grammar (parseLenient) ---------------------------------------------------

    private int runLenient(Listener l) {
        int state = VALUE;
        while (true) {
            int c = peek();
            if (c < 0) {
                return depth == 0 && state == AFTER ? DONE : ENDED;
            }
            boolean inObject = depth > 0 && object[depth];
            int close = inObject ? '}' : ']';
            if (state == AFTER) {
                if (depth == 0) {
                    state = VALUE; // another top-level value
                } else if (c == ',' || c == ';') {
                    pos++;
                    state = inObject ? KEY : VALUE;
                } else if (c == close) {
                    close(l);
                } else {
                    state = inObject ? KEY : VALUE; // a missing separator
                }
                continue;
            }
            if (state == FIRST_KEY || state == KEY) {
                if (c == '}') {
                    close(l);
                    state = AFTER;
                    continue;
                }
                if (c == ',' || c == ';' || c == ']' || c == ':' || c == '=') {
                    pos++; // a missing member, or a byte out of place
                    continue;
                }
                int r = lenientToken(c);
                if (r == SKIPPED) {
                    continue; // nothing a name can start with
                }
                if (!l.key(this)) {
                    return STOPPED;
                }
                if (r == ENDED) {
                    return ENDED;
                }
                int sep = peek();
                if (sep == ':' || sep == '=') {
                    pos++;
                    if (sep == '=' && pos < b.length && b[pos] == '>') {
                        pos++;
                    }
                    state = VALUE;
                } else {
                    kind = NULL; // a name without a value
                    token(b, pos, pos);
                    if (!l.scalar(this)) {
                        return STOPPED;
                    }
                    state = AFTER;
                }
                continue;
            }
            // a value is expected
            if (c == '{' || c == '[') {
                if (!open(l, c)) {
                    return STOPPED;
                }
                state = c == '{' ? FIRST_KEY : FIRST_VALUE;
                continue;
            }
            if (depth > 0 && (c == close || c == ',' || c == ';')) {
                if (inObject) {
                    kind = NULL; // a name whose value is missing
                    token(b, pos, pos);
                    if (!l.scalar(this)) {
                        return STOPPED;
                    }
                    state = AFTER;
                } else if (c == close) {
                    close(l);
                    state = AFTER;
                } else {
                    pos++; // a missing element
                    state = VALUE;
                }
                continue;
            }
            int r = lenientToken(c);
            if (r == SKIPPED) {
                continue; // a byte no value starts with
            }
            if (!l.scalar(this)) {
                return STOPPED;
            }
            if (r == ENDED) {
                return ENDED;
            }
            state = AFTER;
        }
    }

    /** What {@link #lenientToken} answers for a byte that starts no token (it is consumed). */
    private static final int SKIPPED = -4;

    /** At {@code c}: a quoted or an unquoted name or value; MORE (-1), ENDED or {@link #SKIPPED}. */
    private int lenientToken(int c) {
        if (c == '"' || c == '\'') {
            return quoted(c);
        }
        unquoted();
        if (length() == 0) {
            pos++;
            return SKIPPED;
        }
        return -1;
    }

    /** An org.json-style unquoted name or value: its text, trimmed, and its kind; -1 (MORE) always. */
    private int unquoted() {
        cut = false;
        int start = pos;
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c < 0x20 || c == ',' || c == ':' || c == ']' || c == '}' || c == '/' || c == '\\' || c == '"'
                    || c == '[' || c == '{' || c == ';' || c == '=' || c == '#') {
                break;
            }
            pos++;
        }
        int end = pos;
        while (end > start && b[end - 1] == ' ') {
            end--;
        }
        token(b, start, end);
        kind = word("true") ? TRUE : word("false") ? FALSE : word("null") ? NULL
                : end > start && (b[start] == '-' || b[start] == '+' || b[start] == '.' || b[start] >= '0' && b[start] <= '9')
                ? NUMBER : STRING;
        return -1;
    }

    private boolean word(String w) {
        if (to - from != w.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if ((text[from + i] | 0x20) != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** At a quote {@code q} (double or single): MORE (-1), or ENDED with {@link #cut} set; never fails. */
    private int quoted(int q) {
        cut = false;
        kind = STRING;
        int start = ++pos;
        if (plain(q, false)) {
            token(b, start, pos++);
            return -1;
        }
        scratchLength = 0;
        append(b, start, pos);
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == q) {
                pos++;
                token(scratch, 0, scratchLength);
                return -1;
            }
            if (c != '\\') {
                append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= b.length) {
                pos = b.length;
                break;
            }
            int e = b[pos + 1] & 0xff;
            if (e == 'u' || e == 'x') {
                int n = e == 'u' ? 4 : 2;
                int cp = hex(pos + 2, n);
                if (cp >= 0) {
                    pos += 2 + n;
                    appendCodePoint(Character.isSurrogate((char) cp) ? lenientSurrogate(cp) : cp);
                    continue;
                }
            }
            int c2 = switch (e) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0b;
                case '0' -> 0;
                case '\n' -> -1; // a line continuation
                default -> e;     // any other escaped byte stands for itself
            };
            if (c2 >= 0) {
                append(c2);
            }
            pos += 2;
        }
        cut = true;
        token(scratch, 0, scratchLength);
        return ENDED;
    }

    /** A high surrogate {@code cp} just read, combined with a following low one if there is one; else U+FFFD. */
    private int lenientSurrogate(int cp) {
        if (Character.isHighSurrogate((char) cp) && pos + 1 < b.length && b[pos] == '\\' && b[pos + 1] == 'u') {
            int low = hex(pos + 2, 4);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                pos += 6;
                return Character.toCodePoint((char) cp, (char) low);
            }
        }
        return 0xFFFD;
    }

    /** The {@code n} hex digits at {@code at}, or -1 when they are not all there. */
    private int hex(int at, int n) {
        if (at + n > b.length) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int c = b[i];
            int lower = c | 0x20;
            int d = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private boolean startsWith(String s) {
        if (pos + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Feeds one parse to two listeners: it goes on while either wants more, and stops telling one
     * that said it wants nothing more (both are told the {@code end}).
     */
    public static final class Tee implements Listener {
        private final Listener a;
        private final Listener b;
        private boolean aOn = true;
        private boolean bOn = true;

        public Tee(Listener a, Listener b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean open(JsonParser p, boolean object) {
            aOn = aOn && a.open(p, object);
            bOn = bOn && b.open(p, object);
            return aOn || bOn;
        }

        @Override
        public void close(JsonParser p) {
            if (aOn) {
                a.close(p);
            }
            if (bOn) {
                b.close(p);
            }
        }

        @Override
        public boolean key(JsonParser p) {
            aOn = aOn && a.key(p);
            bOn = bOn && b.key(p);
            return aOn || bOn;
        }

        @Override
        public boolean scalar(JsonParser p) {
            aOn = aOn && a.scalar(p);
            bOn = bOn && b.scalar(p);
            return aOn || bOn;
        }

        @Override
        public void end(JsonParser p) {
            a.end(p);
            b.end(p);
        }
    }
}
