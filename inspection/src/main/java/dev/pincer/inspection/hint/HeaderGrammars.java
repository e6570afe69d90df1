package dev.pincer.inspection.hint;

/**
 * The single-value grammars of {@link InertHeaders}. Tokens here use a subset of RFC 9110
 * {@code tchar}, {@code [A-Za-z0-9._+-]}, that leaves out the quote-like and shell-meta characters
 * ({@code ' ` | & $ ! # % ^ ~}) real values of these headers never use.
 * <ul>
 *   <li>Content-Type: {@code token "/" token *( ";" OWS token "=" token )}, no quoted strings;</li>
 *   <li>If-Modified-Since, If-Unmodified-Since: an IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT};</li>
 *   <li>Authorization: {@code token SP token68}, token68 = {@code [A-Za-z0-9._~+/-]+ "="*};</li>
 *   <li>User-Agent: one product, {@code token [ "/" token ]}, no spaces ({@code curl/8.5.0});</li>
 *   <li>Host: empty, or a reg-name {@code [A-Za-z0-9._-]+} or an IP literal {@code [hex:.]}, with an
 *       optional {@code :port} of one to five digits.</li>
 * </ul>
 *
 * <p>Example: {@code product("curl/8.5.0")} is true, {@code product("Mozilla/5.0 (X11)")} is false.
 */
final class HeaderGrammars {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HeaderGrammars() {
    }

    static boolean contentType(String v) {
        int i = token(v, 0);
        if (i == 0 || i >= v.length() || v.charAt(i) != '/') {
            return false;
        }
        int sub = i + 1;
        i = token(v, sub);
        if (i == sub) {
            return false;
        }
        while (i < v.length() && v.charAt(i) == ';') {
            int name = InertHeaders.ows(v, i + 1);
            i = token(v, name);
            if (i == name || i >= v.length() || v.charAt(i) != '=') {
                return false;
            }
            int value = i + 1;
            i = token(v, value);
            if (i == value) {
                return false;
            }
        }
        return i == v.length();
    }

    static boolean imfFixdate(String v) {
        return v.length() == 29 && oneOf(v, 0, DAYS) && v.startsWith(", ", 3) && digits(v, 5, 2) && v.charAt(7) == ' '
                && oneOf(v, 8, MONTHS) && v.charAt(11) == ' ' && digits(v, 12, 4) && v.charAt(16) == ' '
                && digits(v, 17, 2) && v.charAt(19) == ':' && digits(v, 20, 2) && v.charAt(22) == ':'
                && digits(v, 23, 2) && v.endsWith(" GMT");
    }

    static boolean authorization(String v) {
        int i = token(v, 0);
        if (i == 0 || i >= v.length() || v.charAt(i) != ' ') {
            return false;
        }
        int start = ++i;
        while (i < v.length() && isToken68(v.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < v.length() && v.charAt(i) == '=') {
            i++;
        }
        return i == v.length();
    }

    static boolean product(String v) {
        int i = token(v, 0);
        if (i == 0) {
            return false;
        }
        if (i < v.length() && v.charAt(i) == '/') {
            int version = i + 1;
            i = token(v, version);
            if (i == version) {
                return false;
            }
        }
        return i == v.length();
    }

    static boolean host(String v) {
        int n = v.length();
        int i = 0;
        if (n > 0 && v.charAt(0) == '[') {
            i = 1;
            while (i < n && (Character.digit(v.charAt(i), 16) >= 0 && v.charAt(i) < 0x80 || v.charAt(i) == ':'
                    || v.charAt(i) == '.')) {
                i++;
            }
            if (i == 1 || i >= n || v.charAt(i) != ']') {
                return false;
            }
            i++;
        } else {
            while (i < n && isHostChar(v.charAt(i))) {
                i++;
            }
            if (i == 0) {
                return n == 0;
            }
        }
        if (i == n) {
            return true;
        }
        return v.charAt(i) == ':' && n - i - 1 >= 1 && n - i - 1 <= 5 && digits(v, i + 1, n - i - 1);
    }

    private static int token(String v, int i) {
        while (i < v.length() && isTokenChar(v.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '+' || c == '-';
    }

    private static boolean isToken68(char c) {
        return isTokenChar(c) || c == '~' || c == '/';
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-';
    }

    private static boolean digits(String v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean oneOf(String v, int at, String[] words) {
        for (String w : words) {
            if (v.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }
}
