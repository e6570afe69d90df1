package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.ThreadState;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Carries a request's context to the threads of {@code java.net.http.HttpClient}, which run the
 * exchange and make its connects away from the thread that called {@code send}. The client's
 * per-request {@code MultiExchange} is created on the calling thread: its context (id and hint) is
 * remembered, keyed by that object's identity and weakly, so a finished exchange costs nothing.
 * Each attempt of the exchange ({@code responseAsyncImpl}: the first, a retry, a redirect) takes
 * the context on for as long as it runs on a client thread, with the attempt's own URI as the URL
 * in progress, so its connects are checked like {@code HttpURLConnection}'s. The app's request
 * object, its verdict cache and its INPUTS state stay with the request's thread. An attempt that
 * runs on the request's own thread (a synchronous {@code send} often does) only notes its URI.
 *
 * <p>At most {@link #MAX} exchanges are remembered at once; past that a new exchange's connects go
 * unattributed (its URL was judged by its text at {@code send}).
 */
public final class HttpClientContexts {
    /** Exchanges in flight at once; far above any app's concurrent outbound requests. */
    static final int MAX = 4096;

    private final Map<Object, Remembered> byExchange = new WeakHashMap<>();

    private static final class Remembered {
        final String ctx;
        final int hint;

        Remembered(String ctx, int hint) {
            this.ctx = ctx;
            this.hint = hint;
        }
    }

    /** What an attempt on the request's own thread changed: only the URL in progress. */
    private static final class UrlOnly {
        final String connectUrl;

        UrlOnly(String connectUrl) {
            this.connectUrl = connectUrl;
        }
    }

    private static final class Saved {
        final String ctx;
        final int hint;
        final String connectUrl;
        final Object requestCache;
        final Object request;
        final Object inputsSentOn;
        final boolean parametersRead;

        Saved(ThreadState st) {
            ctx = st.ctx;
            hint = st.hint;
            connectUrl = st.connectUrl;
            requestCache = st.requestCache;
            request = st.request;
            inputsSentOn = st.inputsSentOn;
            parametersRead = st.parametersRead;
        }
    }

    public void created(ThreadState st, Object exchange) {
        if (exchange == null || st.ctx == null) {
            return;
        }
        synchronized (byExchange) {
            if (byExchange.size() < MAX) {
                byExchange.put(exchange, new Remembered(st.ctx, st.hint));
            }
        }
    }

    public Object enter(ThreadState st, Object exchange, Object request) {
        if (st.ctx != null) {
            // The exchange runs on the thread that serves the request (a synchronous send, an
            // executor that runs tasks in place): it keeps its context; only the URL is noted.
            UrlOnly saved = new UrlOnly(st.connectUrl);
            st.connectUrl = UrlSink.uriOf(request);
            return saved;
        }
        Remembered r;
        synchronized (byExchange) {
            r = byExchange.get(exchange);
        }
        if (r == null) {
            return null;
        }
        Saved saved = new Saved(st);
        st.ctx = r.ctx;
        st.hint = r.hint;
        st.connectUrl = UrlSink.uriOf(request);
        st.requestCache = null;
        st.request = null;
        st.inputsSentOn = null;
        st.parametersRead = false;
        return saved;
    }

    public void leave(ThreadState st, Object token) {
        if (token instanceof UrlOnly) {
            st.connectUrl = ((UrlOnly) token).connectUrl;
            return;
        }
        if (!(token instanceof Saved)) {
            return;
        }
        Saved s = (Saved) token;
        st.ctx = s.ctx;
        st.hint = s.hint;
        st.connectUrl = s.connectUrl;
        st.requestCache = s.requestCache;
        st.request = s.request;
        st.inputsSentOn = s.inputsSentOn;
        st.parametersRead = s.parametersRead;
    }

    /** Exchanges remembered now (for tests). */
    int size() {
        synchronized (byExchange) {
            return byExchange.size();
        }
    }
}
