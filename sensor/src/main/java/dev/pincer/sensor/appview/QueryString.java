package dev.pincer.sensor.appview;

import dev.pincer.sensor.client.AppInputs;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;

/**
 * Splits a raw query string into parameters the way a servlet container does ({@code &}-separated,
 * {@code name=value}, {@code +} as a space, percent-decoded as UTF-8), for requests whose app has
 * not made the container parse its parameters: reading the query string never touches the body.
 * A pair that does not decode (a stray {@code %}) is kept raw, since the correlator still matches
 * it against the sink. Example: {@code id=1%27+OR+1%3D1&sort} gives {@code id="1' OR 1=1"}, {@code sort=""}.
 */
final class QueryString {
    private QueryString() {
    }

    /** Adds the parameters of {@code query} (may be {@code null}) to {@code out} until it is full. */
    static void addTo(String query, AppInputs out) {
        if (query == null || query.isEmpty()) {
            return;
        }
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start) {
                String pair = query.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!out.add(AppInputs.PARAMETER, name, value)) {
                    return;
                }
            }
            if (amp < 0) {
                return;
            }
            start = amp + 1;
        }
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
            return s;
        }
    }
}
