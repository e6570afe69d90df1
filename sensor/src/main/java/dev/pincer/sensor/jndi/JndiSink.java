package dev.pincer.sensor.jndi;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.util.Collections;

/** Kind {@code jndi}: args {@code [name]}. Always checked. */
public final class JndiSink {
    private JndiSink() {
    }

    public static void check(Decider decider, ThreadState st, Object name) {
        decider.decide(st, Bridge.JNDI, Collections.singletonList(name == null ? "" : name.toString()),
                Collections.<String>emptyList());
    }
}
