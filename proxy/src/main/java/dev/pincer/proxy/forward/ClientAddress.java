package dev.pincer.proxy.forward;

import dev.pincer.config.CidrRange;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * Who the client is (docs/configuration.md, "trusted_proxies"). The socket peer is the truth,
 * unless the peer is a trusted proxy: then the forwarding header is walked from the right, past
 * trusted hops, and the first untrusted address is the client.
 * <ul>
 * <li>{@code X-Forwarded-For} wins when a trusted peer sent one: it is the header every load
 *     balancer appends to, while many pass a client's {@code Forwarded} on untouched. RFC 7239
 *     {@code Forwarded} is walked only when there is no {@code X-Forwarded-For}; when both are
 *     present they are never mixed, so a client-written {@code Forwarded} cannot disagree its way
 *     to another identity.</li>
 * <li>An entry that is not an address ({@code unknown}, an obfuscated identifier, a name, a zone,
 *     bad syntax) stops the walk: the client is the last address reached (a trusted hop, or the
 *     peer), never the entry or anything to its left, which whoever wrote it chose.</li>
 * <li>At most {@link #MAX_HOPS} hops are walked; a longer chain of trusted hops ends at the last.</li>
 * <li>IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}), as peer or hop, are the IPv4 address.</li>
 * </ul>
 *
 * <p>Example: peer 10.0.0.1 (trusted: 10.0.0.0/8), {@code X-Forwarded-For: 1.1.1.1, 203.0.113.7, 10.0.0.2}:
 * the client is 203.0.113.7; 1.1.1.1 was written by 203.0.113.7 and is not believed.
 */
final class ClientAddress {
    /** 30 hops: more proxies than any real chain, and a bound on the work a header can ask for. */
    static final int MAX_HOPS = 30;
    /** The peer of a channel with no IP address: the unspecified address, never trusted by this class. */
    static final InetAddress UNKNOWN_PEER = IpLiteral.v4("0.0.0.0");

    /** The peer, whether it is a trusted proxy, and the client resolved from them. */
    record Identity(InetAddress peer, boolean peerTrusted, InetAddress client) {
    }

    private ClientAddress() {
    }

    /** The identity of a request from {@code remote} with {@code headers}, before any rewriting. */
    static Identity resolve(SocketAddress remote, HttpHeaders headers, List<CidrRange> trusted) {
        if (!(remote instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            return new Identity(UNKNOWN_PEER, false, UNKNOWN_PEER);
        }
        InetAddress peer = IpLiteral.normalised(isa.getAddress());
        if (!trusted(peer, trusted)) {
            return new Identity(peer, false, peer);
        }
        String xff = ForwardHeaders.joined(headers, ForwardHeaders.X_FORWARDED_FOR);
        String forwarded = xff == null || xff.isBlank() ? ForwardHeaders.joined(headers, ForwardHeaders.FORWARDED) : null;
        return new Identity(peer, true, client(peer, true, xff, forwarded, trusted));
    }

    static InetAddress peer(SocketAddress remote) {
        if (remote instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return IpLiteral.normalised(isa.getAddress());
        }
        return UNKNOWN_PEER;
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
     * @param peer        the TCP peer
     * @param peerTrusted whether the peer is a trusted proxy
     * @param xff         the X-Forwarded-For fields joined by commas, or null
     * @param forwarded   the Forwarded fields joined by commas, or null; used only without X-Forwarded-For
     */
    static InetAddress client(InetAddress peer, boolean peerTrusted, String xff, String forwarded,
                              List<CidrRange> trusted) {
        if (!peerTrusted) {
            return peer;
        }
        if (xff != null && !xff.isBlank()) {
            return walk(peer, XForwardedFor.hops(xff, MAX_HOPS), trusted);
        }
        if (forwarded != null && !forwarded.isBlank()) {
            return walk(peer, ForwardedHeader.hops(forwarded, MAX_HOPS), trusted);
        }
        return peer;
    }

    /** {@code hops} right-most first; a null hop ends the walk at the last address reached. */
    private static InetAddress walk(InetAddress peer, List<InetAddress> hops, List<CidrRange> trusted) {
        InetAddress reached = peer;
        for (InetAddress hop : hops) {
            if (hop == null) {
                return reached;
            }
            reached = hop;
            if (!trusted(hop, trusted)) {
                return hop;
            }
        }
        return reached;
    }

    /** The address as text, without the slash {@link InetAddress#toString} adds. */
    static String text(InetAddress a) {
        return NetUtil.toAddressString(a);
    }
}
