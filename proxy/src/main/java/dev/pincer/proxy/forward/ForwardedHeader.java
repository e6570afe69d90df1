package dev.pincer.proxy.forward;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code for=} hops of RFC 7239 {@code Forwarded} (all its fields joined by commas), right-most
 * first, up to a bound. Parsed left to right by the §4 grammar: elements separated by commas,
 * pairs by semicolons, each value a token or a quoted-string (with {@code \} escapes). A node
 * (§6) is an IPv4 address or a bracketed IPv6 address, with an optional port, quoted when it has
 * a colon or brackets. An element whose {@code for} is {@code unknown} (§6.2), obfuscated
 * ({@code _hidden}, §6.3), missing, repeated or not a node is a {@code null} hop, and so is the
 * first element where the syntax breaks; the walk stops at a null hop.
 *
 * <p>Example: {@code for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"}
 * gives {@code [2001:db8:cafe::17, 192.0.2.60]}; {@code for=unknown, for=192.0.2.60} gives
 * {@code [192.0.2.60, null]}.
 */
final class ForwardedHeader {
    /** A value that was not a node: ends the walk. */
    private static final Object NOT_A_NODE = new Object();

    private final String s;
    private int i;

    private ForwardedHeader(String s) {
        this.s = s;
    }

    static List<InetAddress> hops(String forwarded, int max) {
        List<InetAddress> ltr = new ForwardedHeader(forwarded).elements();
        List<InetAddress> out = new ArrayList<>(Math.min(ltr.size(), max));
        for (int k = ltr.size() - 1; k >= 0 && out.size() < max; k--) {
            InetAddress a = ltr.get(k);
            out.add(a);
            if (a == null) {
                break;
            }
        }
        return out;
    }

    /** Every element's node, left to right; parsing stops with a null after a syntax error. */
    private List<InetAddress> elements() {
        List<InetAddress> out = new ArrayList<>(4);
        while (true) {
            Object node = null;
            boolean ok = true;
            while (true) { // the pairs of one element
                ows();
                if (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ';') {
                    String name = token();
                    if (name.isEmpty() || !eat('=')) {
                        out.add(null);
                        return out;
                    }
                    String value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
                    if (value == null || value.isEmpty()) {
                        out.add(null);
                        return out;
                    }
                    if (name.equalsIgnoreCase("for")) {
                        ok &= node == null; // a second for= in one element is malformed
                        node = node(value);
                    }
                }
                ows();
                if (!eat(';')) {
                    break;
                }
            }
            out.add(ok && node instanceof InetAddress a ? a : null);
            if (i >= s.length()) {
                return out;
            }
            if (!eat(',')) {
                out.add(null); // junk after a pair
                return out;
            }
        }
    }

    /** §6: {@code 192.0.2.1}, {@code "192.0.2.1:80"}, {@code "[2001:db8::1]"}, {@code "[2001:db8::1]:443"}. */
    private static Object node(String v) {
        String host = v;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0 || close < v.length() - 1 && !(v.charAt(close + 1) == ':' && nodePort(v, close + 2))) {
                return NOT_A_NODE;
            }
            InetAddress a = IpLiteral.v6(v.substring(1, close));
            return a == null ? NOT_A_NODE : a;
        }
        int colon = v.indexOf(':');
        if (colon >= 0) {
            if (!nodePort(v, colon + 1)) {
                return NOT_A_NODE;
            }
            host = v.substring(0, colon);
        }
        InetAddress a = IpLiteral.v4(host); // unknown, _obfuscated and bare IPv6 are not nodes here
        return a == null ? NOT_A_NODE : a;
    }

    /** A port: digits, or an obfuscated port {@code _abc} (§6.3). */
    private static boolean nodePort(String v, int from) {
        if (from < v.length() && v.charAt(from) == '_') {
            for (int k = from + 1; k < v.length(); k++) {
                char c = v.charAt(k);
                if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '_' || c == '-')) {
                    return false;
                }
            }
            return v.length() > from + 1;
        }
        return IpLiteral.port(v, from);
    }

    private String token() {
        int start = i;
        while (i < s.length() && tchar(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** RFC 9110 §5.6.4 quoted-string; null when unterminated or holding a control character. */
    private String quoted() {
        StringBuilder sb = new StringBuilder();
        i++; // the opening quote
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    return null;
                }
                c = s.charAt(i++);
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return null;
            }
            sb.append(c);
        }
        return null;
    }

    private boolean eat(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void ows() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private static boolean tchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
