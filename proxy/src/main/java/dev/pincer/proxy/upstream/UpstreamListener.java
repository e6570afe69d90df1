package dev.pincer.proxy.upstream;

import io.netty.handler.codec.http.HttpObject;

/** What an exchange hears from the upstream connection it holds. Called on the connection's event loop. */
public interface UpstreamListener {
    /** A decoded response object; ownership passes to the listener, which must write or release it. */
    void onUpstreamMessage(HttpObject msg);

    /** The upstream connection finished a read burst: the moment to flush what was written. */
    void onUpstreamReadComplete();

    /** The upstream connection can take more (or no more) request bytes. */
    void onUpstreamWritabilityChanged(boolean writable);

    /** The connection closed or failed; {@code cause} is {@code null} for an orderly close. */
    void onUpstreamClosed(Throwable cause);
}
