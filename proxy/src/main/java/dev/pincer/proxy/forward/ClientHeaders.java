package dev.pincer.proxy.forward;

import dev.pincer.config.UnderscoreHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Header hygiene applied to a client's request head before anything looks at it, so that
 * inspection, routing and the app all see the same fields:
 * <ul>
 *   <li>names containing {@code _} are dropped, allowed or refused per the listener's
 *       {@code underscore_headers} (nginx's {@code underscores_in_headers off} is the default:
 *       many app servers read {@code Content_Length} as {@code Content-Length});</li>
 *   <li>the end-to-end fields a {@code Connection} header names are removed now (RFC 9110 §7.6.1)
 *       rather than only on the way out, since the app never sees them either. The hop-by-hop
 *       fields themselves stay for the exchange to read and strip, and so do Content-Length and
 *       Host, which framing and routing are decided from.</li>
 * </ul>
 * Example: {@code X_Forwarded_For: 127.0.0.1} is gone (and counted) before the client address or
 * the request's inputs are computed.
 */
final class ClientHeaders {
    /** {@link #underscores} result: the request must be refused. */
    static final int REJECT = -1;

    private ClientHeaders() {
    }

    /** Applies {@code policy}; returns how many fields were dropped, or {@link #REJECT}. */
    static int underscores(HttpHeaders headers, UnderscoreHeaders policy) {
        if (policy == UnderscoreHeaders.ALLOW) {
            return 0;
        }
        List<CharSequence> found = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            CharSequence name = it.next().getKey();
            if (indexOf(name, '_') >= 0) {
                if (policy == UnderscoreHeaders.REJECT) {
                    return REJECT;
                }
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(name);
            }
        }
        if (found == null) {
            return 0;
        }
        int before = headers.size();
        found.forEach(headers::remove);
        return before - headers.size();
    }

    /** Removes the fields the Connection header names, except the hop-by-hop ones the exchange reads. */
    static void stripConnectionNamed(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return;
        }
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String t = token.trim();
                if (!t.isEmpty() && !HopByHop.isHopByHop(t) && !framingOrRouting(t)) {
                    headers.remove(t);
                }
            }
        }
    }

    /** Never removed on a client's say-so: the decoder refuses such a request, and framing is decided from them. */
    private static boolean framingOrRouting(String name) {
        return HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.HOST.contentEqualsIgnoreCase(name);
    }

    private static int indexOf(CharSequence s, char c) {
        if (s instanceof AsciiString a) {
            return a.indexOf(c, 0);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
