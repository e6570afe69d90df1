package dev.pincer.inspection.body;

import java.util.Locale;

/**
 * The body formats inspection has a processor for, chosen from a declared media type
 * ({@link #declared}) or from the bytes themselves ({@link #sniff}). Sniffing looks at the first
 * byte after a byte order mark and whitespace: {@code {} or {@code [} is JSON, {@code <} is XML, a
 * {@code --token} line is multipart (the token is the boundary), and otherwise text with an
 * {@code =} in it is a form. Never throws; reads at most the first line.
 *
 * <p>Example: {@code declared("application/vnd.api+json")} is {@link #JSON};
 * {@code declared("application/jsonx")} is null (no processor: the body is sniffed), and
 * {@code sniff("{\"q\":1}")} is {@link #JSON}.
 */
enum BodyFormat {
    FORM, MULTIPART, JSON, XML;

    /** The format a media type essence ({@code type/subtype}, lower-case) names, or null. */
    static BodyFormat declared(String essence) {
        if (essence.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (essence.equals("multipart/form-data")) {
            return MULTIPART;
        }
        if (essence.equals("application/json") || essence.equals("text/json") || essence.endsWith("+json")) {
            return JSON;
        }
        if (essence.equals("application/xml") || essence.equals("text/xml") || essence.endsWith("+xml")) {
            return XML;
        }
        return null;
    }

    /** The format the bytes look like, or null when they look like none. */
    static BodyFormat sniff(byte[] b) {
        int i = first(b);
        if (i >= b.length) {
            return null;
        }
        int c = b[i];
        if (c == '{' || c == '[') {
            return JSON;
        }
        if (c == '<') {
            return XML;
        }
        if (boundary(b) != null) {
            return MULTIPART;
        }
        for (byte x : b) {
            if (x == '=') {
                return FORM;
            }
        }
        return null;
    }

    /** The boundary of a body whose first line is {@code --boundary} (RFC 2046 bchars), or null. */
    static String boundary(byte[] b) {
        int i = first(b);
        if (i + 2 >= b.length || b[i] != '-' || b[i + 1] != '-') {
            return null;
        }
        int from = i + 2;
        int end = from;
        while (end < b.length && end - from < 70 && bchar(b[end])) {
            end++;
        }
        int stop = end;
        while (stop < b.length && (b[stop] == ' ' || b[stop] == '\t' || b[stop] == '\r')) {
            stop++;
        }
        if (end == from || stop >= b.length || b[stop] != '\n') {
            return null;
        }
        return new String(b, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static int first(byte[] b) {
        int i = Utf8Text.byteOrderMark(b);
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean bchar(byte c) {
        return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
                || "'()+_,-./:=?".indexOf(c) >= 0;
    }
}
