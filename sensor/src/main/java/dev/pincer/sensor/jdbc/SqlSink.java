package dev.pincer.sensor.jdbc;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.util.Arrays;
import java.util.Collections;

/** Kind {@code sql}: args {@code [query]}, attrs {@code method} (the JDBC method called). */
public final class SqlSink {
    private SqlSink() {
    }

    public static void check(Decider decider, ThreadState st, String query, String method) {
        decider.decide(st, Bridge.SQL, Collections.singletonList(query == null ? "" : query),
                Arrays.asList("method", method));
    }
}
