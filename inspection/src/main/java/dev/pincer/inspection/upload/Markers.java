package dev.pincer.inspection.upload;

import java.nio.charset.StandardCharsets;

/**
 * What magic detection alone does not see in a file's prefix: server-side script openers anywhere
 * in it (a GIF with PHP appended is still a GIF to Tika), a {@code #!} first line, and the entries
 * of a ZIP that make it a Java archive. Linear in the prefix, no allocation beyond the result.
 *
 * <p>Openers, case-insensitive: {@code <?php}, {@code <?=}, {@code <script runat} (ASP.NET), and
 * {@code <%} followed by {@code @}, {@code =}, {@code !} or white space with a {@code %>} after it
 * (JSP, ASP): a bare two-byte {@code <%} occurs in binary data too often to mean anything.
 *
 * <p>Example: {@code scriptOpener("GIF89a...<?php system($_GET[c]); ?>")} is {@code "<?php"}.
 */
final class Markers {
    private static final byte[] PHP = ascii("<?php");
    private static final byte[] PHP_ECHO = ascii("<?=");
    private static final byte[] RUNAT = ascii("<script runat");
    private static final byte[] WEB_INF = ascii("WEB-INF/");
    private static final byte[] META_INF = ascii("META-INF/");
    private static final byte[] CLASS = ascii(".class");
    private static final int LOCAL_HEADER = 30;

    private Markers() {
    }

    /** The first server-side script opener in {@code b[0, n)}, or null. */
    static String scriptOpener(byte[] b, int n) {
        int lastClose = lastClose(b, n);
        for (int i = 0; i < n; i++) {
            if (b[i] != '<') {
                continue;
            }
            if (at(b, n, i, PHP)) {
                return "<?php";
            }
            if (at(b, n, i, PHP_ECHO)) {
                return "<?=";
            }
            if (at(b, n, i, RUNAT)) {
                return "<script runat";
            }
            if (i + 2 < n && b[i + 1] == '%' && tagChar(b[i + 2]) && lastClose >= i + 3) {
                return "<%";
            }
        }
        return null;
    }

    /** True when the file starts with {@code #!}: a script for whatever interpreter it names. */
    static boolean shebang(byte[] b, int n) {
        return n >= 2 && b[0] == '#' && b[1] == '!';
    }

    /**
     * True when a local file header in {@code b[0, n)} (signature {@code PK\3\4}, name length at
     * 26, name at 30) names a {@code WEB-INF/} or {@code META-INF/} entry or a {@code .class} file:
     * a WAR, JAR or EAR whatever its name says. Every signature in the prefix is looked at, not only
     * a chain of headers, so entries after one with a data descriptor are seen too; entries whose
     * header lies past the prefix are not.
     */
    static boolean javaArchive(byte[] b, int n) {
        for (int at = 0; at + LOCAL_HEADER <= n; at++) {
            if (b[at] != 'P' || b[at + 1] != 'K' || b[at + 2] != 3 || b[at + 3] != 4) {
                continue;
            }
            int nameLen = u16(b, at + 26);
            int name = at + LOCAL_HEADER;
            int nameEnd = Math.min(n, name + nameLen);
            if (at(b, nameEnd, name, WEB_INF) || at(b, nameEnd, name, META_INF)
                    || nameEnd - name == nameLen && endsWith(b, name, nameEnd, CLASS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tagChar(byte c) {
        return c == '@' || c == '=' || c == '!' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Where the last {@code %>} starts, or -1: one backward scan, so the search stays linear. */
    private static int lastClose(byte[] b, int n) {
        for (int i = n - 2; i >= 0; i--) {
            if (b[i] == '%' && b[i + 1] == '>') {
                return i;
            }
        }
        return -1;
    }

    private static boolean at(byte[] b, int n, int i, byte[] lit) {
        if (i + lit.length > n) {
            return false;
        }
        for (int k = 0; k < lit.length; k++) {
            int c = b[i + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            int l = lit[k] >= 'A' && lit[k] <= 'Z' ? lit[k] + 32 : lit[k];
            if (c != l) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int from, int to, byte[] lit) {
        return to - from >= lit.length && at(b, to, to - lit.length, lit);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
