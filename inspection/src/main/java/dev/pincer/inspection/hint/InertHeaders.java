package dev.pincer.inspection.hint;

/**
 * Rule 4 of {@link InputHint}: headers whose well-formed values cannot carry an attack into a
 * sink, each with a strict grammar. A value outside its grammar, containing {@code ..} or starting
 * with {@code /} or {@code \} is not inert and counts like any input.
 *
 * <p>Grammars ({@code OWS} is optional spaces, allowed only where shown):
 * <ul>
 *   <li>list headers: {@code element *( "," OWS element )} with
 *       {@code element = item [ "=" item ] *( ";" OWS item "=" item )} and
 *       {@code item = 1*[A-Za-z0-9*}{@code /+.?_-]}; {@code *} may appear only as a whole media range
 *       ({@code *}, {@code *}{@code /*}, {@code type/*}), never in a parameter, and no value may
 *       contain {@code --}. In {@code Priority} OWS is also allowed around {@code =}. The
 *       {@code item=item} element form is what {@code Cache-Control: max-age=0} and
 *       {@code Priority: u=1} need.</li>
 *   <li>the rest: see {@link HeaderGrammars}.</li>
 * </ul>
 *
 * <p>Example: {@code bits("accept", "text/html,*}{@code /*;q=0.8")} is 0;
 * {@code bits("accept", "text/html'")} is -1; {@code bits("host", "app:8080")} is {@code URL}.
 */
final class InertHeaders {
    private InertHeaders() {
    }

    /** The bits an inert header gives (0, or URL for Host), or -1 when {@code value} counts fully. */
    static int bits(String name, String value) {
        if (value.contains("..") || value.startsWith("/") || value.startsWith("\\")) {
            return -1;
        }
        boolean inert = switch (name) {
            case "accept", "accept-encoding", "accept-language", "accept-charset", "cache-control", "pragma",
                    "content-encoding", "upgrade-insecure-requests", "dnt", "sec-fetch-site", "sec-fetch-mode",
                    "sec-fetch-dest", "sec-fetch-user", "sec-ch-ua-mobile" -> list(value, false);
            case "priority" -> list(value, true);
            case "content-type" -> HeaderGrammars.contentType(value);
            case "if-modified-since", "if-unmodified-since" -> HeaderGrammars.imfFixdate(value);
            case "authorization" -> HeaderGrammars.authorization(value);
            case "user-agent" -> HeaderGrammars.product(value);
            case "host" -> HeaderGrammars.host(value);
            default -> false;
        };
        if (!inert) {
            return -1;
        }
        return name.equals("host") && !value.isEmpty() ? InputHint.URL : 0;
    }

    static boolean list(String v, boolean priority) {
        if (v.contains("--")) {
            return false;
        }
        int n = v.length();
        int i = 0;
        while (true) {
            int start = i;
            i = item(v, i);
            if (i == start || !starsOk(v, start, i)) {
                return false;
            }
            if (i < n && (v.charAt(i) == '=' || priority && isOws(v.charAt(i)))) {
                i = value(v, i, priority);
            }
            while (i >= 0 && i < n && v.charAt(i) == ';') {
                int name = ows(v, i + 1);
                i = item(v, name);
                if (i == name || hasStar(v, name, i)) {
                    return false;
                }
                i = value(v, i, priority);
            }
            if (i < 0) {
                return false;
            }
            if (i == n) {
                return true;
            }
            if (v.charAt(i) != ',') {
                return false;
            }
            i = ows(v, i + 1);
        }
    }

    /** At {@code =} (or OWS before it in Priority): the index after {@code = item}, or -1. */
    private static int value(String v, int i, boolean priority) {
        if (i < 0) {
            return -1;
        }
        i = priority ? ows(v, i) : i;
        if (i >= v.length() || v.charAt(i) != '=') {
            return -1;
        }
        int start = priority ? ows(v, i + 1) : i + 1;
        int end = item(v, start);
        return end == start || hasStar(v, start, end) ? -1 : end;
    }

    private static int item(String v, int i) {
        while (i < v.length() && isItemChar(v.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isItemChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '*' || c == '/'
                || c == '+' || c == '.' || c == '?' || c == '_' || c == '-';
    }

    /** {@code *} only as {@code *}, {@code *}{@code /*} or {@code type/*} with no other star. */
    private static boolean starsOk(String v, int from, int to) {
        if (!hasStar(v, from, to)) {
            return true;
        }
        String item = v.substring(from, to);
        int last = item.length() - 1;
        return item.equals("*") || item.equals("*/*")
                || item.endsWith("/*") && item.indexOf('*') == last && item.indexOf('/') == last - 1;
    }

    private static boolean hasStar(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) == '*') {
                return true;
            }
        }
        return false;
    }

    static int ows(String v, int i) {
        while (i < v.length() && isOws(v.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Spaces only: a tab is legal OWS, but no client sends one, and it is a control character. */
    private static boolean isOws(char c) {
        return c == ' ';
    }
}
