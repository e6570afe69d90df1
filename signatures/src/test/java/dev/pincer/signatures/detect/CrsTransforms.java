package dev.pincer.signatures.detect;

import java.util.function.UnaryOperator;

/**
 * Test-only stand-ins for the ModSecurity transformations that CRS applies before
 * {@code @detectSQLi} and {@code @detectXSS} (utf8toUnicode, urlDecodeUni, htmlEntityDecode,
 * jsDecode, cssDecode, removeNulls), close enough for the regression values these tests feed.
 * The real, byte-exact ones live in {@code dev.pincer.signatures.transform}; this package must
 * not depend on them, and the CRS runner of the engine covers the whole chain.
 */
final class CrsTransforms {
    private CrsTransforms() {
    }

    static UnaryOperator<String> named(String name) {
        return switch (name) {
            case "utf8toUnicode" -> s -> s; // the suite's values here are ASCII
            case "urlDecodeUni", "urlDecode" -> CrsTransforms::urlDecode;
            case "htmlEntityDecode" -> CrsTransforms::htmlEntityDecode;
            case "jsDecode" -> CrsTransforms::jsDecode;
            case "cssDecode" -> CrsTransforms::cssDecode;
            case "removeNulls" -> s -> s.replace("\0", "");
            default -> throw new IllegalArgumentException("no test stand-in for t:" + name);
        };
    }

    static String urlDecode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                b.append(' ');
            } else if (c == '%' && i + 1 < s.length() && (s.charAt(i + 1) == 'u'
                    || s.charAt(i + 1) == 'U') && hex(s, i + 2, 4)) {
                b.append((char) (Integer.parseInt(s.substring(i + 2, i + 6), 16) & 0xFF));
                i += 5;
            } else if (c == '%' && hex(s, i + 1, 2)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hex(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static String htmlEntityDecode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                long r = XssEntities.decode(s, i, s.length());
                if (r >= 0) {
                    b.append((char) ((r >>> 32) & 0xFF));
                    i = (int) r - 1;
                    continue;
                }
                String[][] named = {{"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"amp;", "&"},
                    {"nbsp;", "\u00a0"}};
                boolean done = false;
                for (String[] n : named) {
                    if (s.startsWith(n[0], i + 1)) {
                        b.append(n[1]);
                        i += n[0].length();
                        done = true;
                        break;
                    }
                }
                if (done) {
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    static String jsDecode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char d = s.charAt(i + 1);
            if (d == 'x' && hex(s, i + 2, 2)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (d == 'u' && hex(s, i + 2, 4)) {
                b.append((char) (Integer.parseInt(s.substring(i + 2, i + 6), 16) & 0xFF));
                i += 5;
            } else {
                b.append(switch (d) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> d;
                });
                i++;
            }
        }
        return b.toString();
    }

    static String cssDecode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            int j = i + 1;
            while (j < s.length() && j - i <= 6 && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
            if (j > i + 1) {
                b.append((char) (Integer.parseInt(s.substring(i + 1, j), 16) & 0xFF));
                if (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
                i = j - 1;
            } else {
                b.append(s.charAt(i + 1));
                i++;
            }
        }
        return b.toString();
    }
}
