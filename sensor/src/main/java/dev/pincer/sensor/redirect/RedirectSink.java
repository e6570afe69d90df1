package dev.pincer.sensor.redirect;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.util.Arrays;
import java.util.Collections;

/** Kind {@code redirect}: args {@code [location]}, attrs {@code request.host} (the request's Host). */
public final class RedirectSink {
    private RedirectSink() {
    }

    public static void check(Decider decider, ThreadState st, String location) {
        decider.decide(st, Bridge.REDIRECT, Collections.singletonList(location == null ? "" : location),
                Arrays.asList("request.host", st.host == null ? "" : st.host));
    }
}
