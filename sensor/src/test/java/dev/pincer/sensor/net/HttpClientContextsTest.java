package dev.pincer.sensor.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pincer.sensor.bootstrap.ThreadState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpClientContexts}: what a client thread takes on for an exchange and gives back, and the
 * bound on remembered exchanges at its limit and one past it.
 */
class HttpClientContextsTest {
    private static final String CTX = "0123456789abcdef0123456789abcdef";
    private static final HttpRequest REQUEST = HttpRequest.newBuilder(URI.create("http://api.example.com/v1")).build();

    private static ThreadState requestThread() {
        ThreadState st = new ThreadState();
        st.ctx = CTX;
        st.hint = 4;
        return st;
    }

    @Test
    void aClientThreadTakesTheContextAndTheUriOnAndGivesThemBack() {
        HttpClientContexts contexts = new HttpClientContexts();
        Object exchange = new Object();
        contexts.created(requestThread(), exchange);
        contexts.created(new ThreadState(), new Object());
        assertEquals(1, contexts.size(), "an exchange created without a context is not remembered");

        ThreadState worker = new ThreadState();
        Object cache = new Object();
        worker.requestCache = cache;
        worker.connectUrl = "http://before.example/";
        Object saved = contexts.enter(worker, exchange, REQUEST);
        assertNotNull(saved);
        assertEquals(CTX, worker.ctx);
        assertEquals(4, worker.hint);
        assertEquals("http://api.example.com/v1", worker.connectUrl);
        assertNull(worker.requestCache, "the request's verdict cache stays with its thread");
        assertNull(worker.request);
        contexts.leave(worker, saved);
        assertNull(worker.ctx);
        assertEquals(0, worker.hint);
        assertEquals("http://before.example/", worker.connectUrl);
        assertSame(cache, worker.requestCache);
        assertNull(contexts.enter(new ThreadState(), new Object(), REQUEST), "an unknown exchange takes nothing on");
    }

    @Test
    void theRequestsOwnThreadKeepsItsStateAndOnlyNotesTheUri() {
        HttpClientContexts contexts = new HttpClientContexts();
        ThreadState st = requestThread();
        Object cache = new Object();
        st.requestCache = cache;
        Object saved = contexts.enter(st, new Object(), REQUEST);
        assertEquals("http://api.example.com/v1", st.connectUrl);
        st.requestCache = new Object(); // the verdict cache grew during the attempt: it is kept
        Object grown = st.requestCache;
        contexts.leave(st, saved);
        assertNull(st.connectUrl);
        assertEquals(CTX, st.ctx);
        assertSame(grown, st.requestCache);
    }

    @Test
    void rememberedExchangesAtTheBoundAndOnePast() {
        HttpClientContexts contexts = new HttpClientContexts();
        ThreadState st = requestThread();
        List<Object> exchanges = new ArrayList<>();
        for (int i = 0; i <= HttpClientContexts.MAX; i++) {
            exchanges.add(new Object());
            contexts.created(st, exchanges.get(i));
        }
        assertEquals(HttpClientContexts.MAX, contexts.size());
        assertNotNull(contexts.enter(new ThreadState(), exchanges.get(HttpClientContexts.MAX - 1), REQUEST));
        assertNull(contexts.enter(new ThreadState(), exchanges.get(HttpClientContexts.MAX), REQUEST),
                "past the bound an exchange goes unattributed");
    }
}
