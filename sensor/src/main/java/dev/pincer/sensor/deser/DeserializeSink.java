package dev.pincer.sensor.deser;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.io.ObjectStreamClass;
import java.util.Collections;

/**
 * Kind {@code deserialize}: args {@code [class name]}. Always checked; a harmless class usually
 * comes back with {@code cache=2}, so each class costs one round trip per process.
 */
public final class DeserializeSink {
    private DeserializeSink() {
    }

    public static void check(Decider decider, ThreadState st, Object descriptor) {
        if (!(descriptor instanceof ObjectStreamClass)) {
            return;
        }
        String name = ((ObjectStreamClass) descriptor).getName();
        st.deserJudged = null;
        decider.decide(st, Bridge.DESERIALIZE, Collections.singletonList(name), Collections.<String>emptyList());
        st.deserJudged = name;
    }
}
