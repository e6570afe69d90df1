package dev.pincer.proxy.upstream;

/** Every connection a server may have is in use: the request is refused with 503 rather than queued without bound. */
public final class PoolExhaustedException extends Exception {
    public PoolExhaustedException(String server, int max) {
        super("connection limit reached for " + server + " (" + max + ")", null, false, false);
    }
}
