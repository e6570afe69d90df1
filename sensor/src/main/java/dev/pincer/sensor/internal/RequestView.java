package dev.pincer.sensor.internal;

import dev.pincer.sensor.appview.AppViewCollector;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.client.AppInputs;
import dev.pincer.sensor.client.AppView;

/**
 * The {@link AppView} of the request a thread serves: which connection its INPUTS went on is kept in
 * the thread's {@link ThreadState}, and the inputs are read from the servlet request the servlet
 * advice stored there. Created only for a CHECK that goes to the correlator, so a request whose
 * sinks are all settled by the hint or a cache never allocates one. Example: the first SQL CHECK of
 * {@code GET /users?id=1'--} collects {@code [param id="1'--", header host=...]} and the second
 * CHECK of that request, on the same connection, sends none.
 */
final class RequestView implements AppView {
    private final ThreadState st;

    RequestView(ThreadState st) {
        this.st = st;
    }

    /** {@code null} when the request has no context or no servlet request object: nothing to send. */
    static RequestView of(ThreadState st) {
        return st.ctx == null || st.request == null ? null : new RequestView(st);
    }

    @Override
    public boolean pendingOn(Object connection) {
        return st.inputsSentOn != connection;
    }

    @Override
    public void sentOn(Object connection) {
        st.inputsSentOn = connection;
    }

    @Override
    public AppInputs collect() {
        return AppViewCollector.collect(st.request, st.parametersRead);
    }
}
