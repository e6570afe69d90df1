package dev.pincer.inspection.request;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user and password inside {@code Authorization: Basic <base64>} (RFC 7617), as two HEADER
 * inputs named {@code authorization#user} and {@code authorization#password}. The application
 * decodes them and may well put the user name into a query, so they must be inputs in their own
 * right; the encoded field alone would hide them. Invalid base64 yields nothing (the application
 * cannot decode it either). Never throws.
 *
 * <p>Example: {@code Basic YWRtaW4nLS06cHc=} gives {@code authorization#user "admin'--"} and
 * {@code authorization#password "pw"}.
 */
final class BasicCredentials {
    private BasicCredentials() {
    }

    /** @return false when the collector is full */
    static boolean extract(String value, InputCollector out) {
        if (value.length() < 6 || !value.regionMatches(true, 0, "basic ", 0, 6)) {
            return true;
        }
        int from = 6;
        while (from < value.length() && value.charAt(from) == ' ') {
            from++;
        }
        int to = value.length();
        if (!isBase64(value, from, to)) {
            return true;
        }
        String plain = new String(Base64.getDecoder().decode(value.substring(from, to)), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        String user = colon < 0 ? plain : plain.substring(0, colon);
        String password = colon < 0 ? "" : plain.substring(colon + 1);
        return out.add(InputSource.HEADER, "authorization#user", user, user)
                && out.add(InputSource.HEADER, "authorization#password", password, password);
    }

    /** Standard alphabet, at most two trailing {@code =}, and a length the JDK decoder accepts. */
    private static boolean isBase64(String s, int from, int to) {
        int end = to;
        while (end > from && to - end < 2 && s.charAt(end - 1) == '=') {
            end--;
        }
        if (end == from || (end - from) % 4 == 1 || (end != to && (to - from) % 4 != 0)) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            boolean alnum = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && c != '+' && c != '/') {
                return false;
            }
        }
        return true;
    }
}
