package dev.pincer.sensor.xpath;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.util.Collections;

/** Kind {@code xpath}: args {@code [expression]}. */
public final class XPathSink {
    private XPathSink() {
    }

    public static void check(Decider decider, ThreadState st, String expression) {
        decider.decide(st, Bridge.XPATH, Collections.singletonList(expression == null ? "" : expression),
                Collections.<String>emptyList());
    }
}
