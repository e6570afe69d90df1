package dev.pincer.sensor.ldap;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.util.Arrays;
import java.util.Collections;

/** Kind {@code ldap}: args {@code [filter, base name]}. */
public final class LdapSink {
    private LdapSink() {
    }

    public static void check(Decider decider, ThreadState st, Object name, String filter) {
        decider.decide(st, Bridge.LDAP, Arrays.asList(filter == null ? "" : filter, name == null ? "" : name.toString()),
                Collections.<String>emptyList());
    }
}
