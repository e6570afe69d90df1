package dev.pincer.correlator.analyzer.internal;

import java.util.Locale;

/**
 * A host name as a client library or browser ends up using it: percent-decoded, NFKC-normalised
 * (full-width digits and dots, circled letters), ideographic full stops as dots, lower case, with
 * the trailing root dot removed. Never resolves anything.
 *
 * <p>Example: {@code normalize("%31２７．０．０．１.")} is {@code "127.0.0.1"};
 * {@code normalize("ⓛⓞⓒⓐⓛⓗⓞⓢⓣ")} is {@code "localhost"}.
 */
public final class HostText {
    private HostText() {
    }

    public static String normalize(String host) {
        String h = Decoding.nfkc(Decoding.percent(host));
        h = h.replace('\u3002', '.').replace('\uff61', '.').toLowerCase(Locale.ROOT).strip();
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
