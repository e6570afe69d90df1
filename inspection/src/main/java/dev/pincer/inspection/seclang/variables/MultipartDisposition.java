package dev.pincer.inspection.seclang.variables;

/**
 * Parses a part's Content-Disposition value as libmodsecurity v3's
 * {@code parse_content_disposition}: {@code form-data} then {@code ;}-separated {@code name},
 * {@code filename} and {@code filename*} parameters, each a token, a {@code "}- or
 * {@code '}-quoted string (backslash escapes only the quote and itself), or for
 * {@code filename*} an RFC 5987 {@code charset'lang'pct-encoded} value (kept encoded).
 *
 * <p>Arguments: the header value, the part to fill, the flags, and the sink for
 * {@code MULTIPART_NAME}/{@code MULTIPART_FILENAME} (reported as soon as parsed, duplicates
 * included, as v3 does). Result: 1 when good, or v3's negative code: -1 not form-data, -2 no
 * {@code ;}, -3..-6 truncated parameter, -7/-8 bad quoted value, -11 unknown parameter, -12
 * junk after a value, -13 no {@code =}, -14/-15/-20 duplicate name/filename/filename*,
 * -16..-19 bad filename*, -21 filename* without filename. Sets {@code invalidQuoting} for
 * single quotes. Example: {@code form-data; name="a"; filename="x.php"} gives 1, name {@code a},
 * filename {@code x.php}; {@code form-data; name=a; foo=b} gives -11.
 *
 * <p>One deviation: a quoted value without its closing quote makes v3 read past the end of the
 * string (undefined behaviour); here it is code -10.
 */
final class MultipartDisposition {
    private static final String CHARSET_SPECIAL = "!#$%&+-^_`{}~";
    private static final String ATTR_SPECIAL = "!#$&+-.^_`~";

    private final String v;
    private int p;

    private MultipartDisposition(String value) {
        this.v = value;
    }

    static int parse(String value, MultipartPart part, MultipartFlags flags, MultipartSink sink) {
        return new MultipartDisposition(value).run(part, flags, sink);
    }

    /** The byte at i, or 0 at and after the end (C's terminator). */
    private int at(int i) {
        return i < v.length() ? v.charAt(i) : 0;
    }

    private void skipBlanks() {
        while (at(p) == ' ' || at(p) == '\t') {
            p++;
        }
    }

    private int run(MultipartPart part, MultipartFlags flags, MultipartSink sink) {
        if (!v.startsWith("form-data")) {
            return -1;
        }
        p = 9;
        skipBlanks();
        if (at(p) == 0) {
            return 1;
        }
        if (at(p) != ';') {
            return -2;
        }
        p++;
        String fileNameStar = "";
        while (at(p) != 0) {
            skipBlanks();
            if (at(p) == 0) {
                return -3;
            }
            int start = p;
            while (at(p) != 0 && at(p) != '=' && at(p) != '\t' && at(p) != ' ') {
                p++;
            }
            if (at(p) == 0) {
                return -4;
            }
            String name = v.substring(start, p);
            skipBlanks();
            if (at(p) == 0) {
                return -5;
            }
            if (at(p) != '=') {
                return -13;
            }
            p++;
            skipBlanks();
            if (at(p) == 0) {
                return -6;
            }
            int quote = 0;
            String value;
            if (name.equals("filename*")) {
                int rc = extendedValue();
                if (rc < 0) {
                    return rc;
                }
                value = v.substring(rc, p);
            } else if (at(p) == '"' || at(p) == '\'') {
                quote = at(p);
                if (quote == '\'') {
                    flags.invalidQuoting = true;
                }
                p++;
                if (at(p) == 0) {
                    return -7;
                }
                StringBuilder b = new StringBuilder();
                while (at(p) != 0) {
                    if (at(p) == '\\') {
                        if (at(p + 1) == 0) {
                            return -8;
                        }
                        if (at(p + 1) == quote || at(p + 1) == '\\') {
                            p++;
                        }
                        // Any other escape is kept as written (v3 tolerates IE's).
                    } else if (at(p) == quote) {
                        break;
                    }
                    b.append((char) at(p++));
                }
                if (at(p) != quote) {
                    return -10;
                }
                p++;
                value = b.toString();
            } else {
                int s = p;
                while (at(p) != 0 && isTokenChar(at(p))) {
                    p++;
                }
                value = v.substring(s, p);
            }
            switch (name) {
                case "name" -> {
                    validateQuotes(value, quote, flags);
                    sink.flag("MULTIPART_NAME", value);
                    if (!part.name.isEmpty()) {
                        return -14;
                    }
                    part.name = value;
                }
                case "filename" -> {
                    validateQuotes(value, quote, flags);
                    sink.flag("MULTIPART_FILENAME", value);
                    if (!part.fileName.isEmpty()) {
                        return -15;
                    }
                    part.fileName = value;
                }
                case "filename*" -> {
                    if (!fileNameStar.isEmpty()) {
                        return -20;
                    }
                    fileNameStar = value;
                }
                default -> {
                    return -11;
                }
            }
            if (at(p) != 0) {
                skipBlanks();
                if (at(p) != 0) {
                    if (at(p) != ';') {
                        int before = at(p - 1);
                        if (before == '\'' || before == '"') {
                            flags.invalidQuoting = true;
                        }
                        return -12;
                    }
                    p++;
                }
            }
        }
        if (!fileNameStar.isEmpty() && part.fileName.isEmpty()) {
            return -21;
        }
        return 1;
    }

    /** filename*=charset'[lang]'pct-encoded: moves p to its end; returns the value's start or a code. */
    private int extendedValue() {
        int charset = p;
        while (at(p) != 0 && (MultipartBytes.isAlnum(at(p)) || contains(CHARSET_SPECIAL, at(p)))) {
            p++;
        }
        if (at(p) != '\'' || p == charset) {
            return -16;
        }
        p++;
        while (at(p) != 0 && at(p) != '\'') {
            p++;
        }
        if (at(p) != '\'') {
            return -17;
        }
        p++;
        int start = p;
        while (at(p) != 0 && at(p) != ';') {
            if (at(p) == '%') {
                if (!MultipartBytes.isXDigit(at(p + 1)) || !MultipartBytes.isXDigit(at(p + 2))) {
                    return -18;
                }
                p += 3;
            } else if (MultipartBytes.isAlnum(at(p)) || contains(ATTR_SPECIAL, at(p))) {
                p++;
            } else {
                return -19;
            }
        }
        return start;
    }

    /** A single quote inside a value that was not double-quoted is suspicious (PHP evasions). */
    private static void validateQuotes(String value, int quote, MultipartFlags flags) {
        if (quote != '"' && value.indexOf('\'') >= 0) {
            flags.invalidQuoting = true;
        }
    }

    private static boolean contains(String set, int c) {
        return c != 0 && set.indexOf(c) >= 0;
    }

    /** RFC 2616 token characters. */
    static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }
}
