package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9110 §7.6.1: a proxy removes the connection-specific fields (Connection, Proxy-Connection,
 * Keep-Alive, TE, Transfer-Encoding, Upgrade) and every field the Connection header names, before
 * forwarding a message. Framing ({@code Transfer-Encoding}) is re-applied per hop by the caller.
 */
final class HopByHop {
    private static final AsciiString[] ALWAYS = {HttpHeaderNames.CONNECTION, HttpHeaderNames.PROXY_CONNECTION,
        HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.TE, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE};

    private HopByHop() {
    }

    static void strip(HttpHeaders headers) {
        List<String> named = null;
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String t = token.trim();
                if (!t.isEmpty()) {
                    if (named == null) {
                        named = new ArrayList<>(2);
                    }
                    named.add(t);
                }
            }
        }
        if (named != null) {
            for (String n : named) {
                headers.remove(n);
            }
        }
        for (AsciiString n : ALWAYS) {
            headers.remove(n);
        }
    }

    /** Whether {@code name} is one of the fields {@link #strip} always removes. */
    static boolean isHopByHop(String name) {
        for (AsciiString n : ALWAYS) {
            if (n.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a comma-separated header contains {@code token}, case-insensitively. */
    static boolean containsToken(HttpHeaders headers, CharSequence name, String token) {
        for (String value : headers.getAll(name)) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
