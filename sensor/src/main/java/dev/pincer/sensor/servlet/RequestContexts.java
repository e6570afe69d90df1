package dev.pincer.sensor.servlet;

import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.context.ContextHeader;
import dev.pincer.sensor.log.Log;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a thread's request context at the outermost request entry: verifies the
 * {@code X-Pincer-Context} header and stores its ctx and hint, and the request's Host. A header
 * that is absent or does not verify leaves the request without a context (logged at debug,
 * counted).
 */
public final class RequestContexts {
    private final ContextHeader headers;
    private final AtomicLong absent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();

    /** @param headers {@code null} without a token: no header can be verified. */
    public RequestContexts(ContextHeader headers) {
        this.headers = headers;
    }

    public void start(ThreadState st, String header, String host) {
        st.host = host;
        if (header == null || header.isEmpty()) {
            absent.incrementAndGet();
            return;
        }
        if (headers == null) {
            rejected.incrementAndGet();
            Log.debug("context header ignored: no token configured to verify it");
            return;
        }
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        ContextHeader.Context c = headers.verify(header, System.currentTimeMillis() / 1000L, why);
        if (c == null) {
            rejected.incrementAndGet();
            if (Log.enabled(Log.DEBUG)) {
                Log.debug("context header rejected (" + why[0].name().toLowerCase(java.util.Locale.ROOT)
                        + "): the request runs without a context");
            }
            return;
        }
        verified.incrementAndGet();
        st.ctx = c.ctx;
        st.hint = c.hint;
    }

    public long absent() {
        return absent.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long verified() {
        return verified.get();
    }
}
