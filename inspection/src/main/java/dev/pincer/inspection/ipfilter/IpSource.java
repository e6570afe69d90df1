package dev.pincer.inspection.ipfilter;

/**
 * One allow or deny list as the filter searches it: a route's or the global inline entries
 * ({@link InlineList}), or a list file's current contents ({@link WatchedFile}).
 *
 * <p>Example: {@code source.match(new byte[] {(byte) 203, 0, 113, 7})} returns
 * {@code "/etc/pincer/deny.txt:12"}, or null when no entry holds the address.
 */
interface IpSource {
    /**
     * The entry holding {@code address} (4 bytes for IPv4, mapped forms normalised, or 16), named
     * for an event; null when none does. Allocates only on a match.
     */
    String match(byte[] address);
}
