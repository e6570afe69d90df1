package dev.pincer.proxy.forward;

import dev.pincer.config.CidrRange;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * Who the client is. The TCP peer is the truth, unless the peer is a configured trusted proxy: then
 * {@code X-Forwarded-For} is walked from the right, skipping trusted hops, and the first untrusted
 * address is the client. Entries that are not IP literals stop the walk (they are never resolved).
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static InetAddress peer(SocketAddress remote) {
        if (remote instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return isa.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }

    static boolean trusted(InetAddress address, List<CidrRange> trusted) {
        for (CidrRange r : trusted) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param peer       the TCP peer
     * @param peerTrusted whether the peer is a trusted proxy
     * @param xff        the client's X-Forwarded-For (all fields joined by commas), or {@code null}
     */
    static InetAddress client(InetAddress peer, boolean peerTrusted, String xff, List<CidrRange> trusted) {
        if (!peerTrusted || xff == null) {
            return peer;
        }
        InetAddress candidate = peer;
        int end = xff.length();
        while (end > 0) {
            int comma = xff.lastIndexOf(',', end - 1);
            String hop = xff.substring(comma + 1, end).trim();
            end = comma < 0 ? 0 : comma;
            InetAddress a = parse(hop);
            if (a == null) {
                return candidate;
            }
            candidate = a;
            if (!trusted(a, trusted)) {
                return a;
            }
        }
        return candidate;
    }

    private static InetAddress parse(String hop) {
        String h = hop;
        if (h.startsWith("[") && h.indexOf(']') > 0) {
            h = h.substring(1, h.indexOf(']'));
        }
        return NetUtil.createInetAddressFromIpAddressString(h);
    }

    /** The address as text, without the slash {@link InetAddress#toString} adds. */
    static String text(InetAddress a) {
        return NetUtil.toAddressString(a);
    }
}
