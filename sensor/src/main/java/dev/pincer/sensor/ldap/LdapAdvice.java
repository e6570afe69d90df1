package dev.pincer.sensor.ldap;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code DirContext.search(name, String filter, ...)} implementations. */
public final class LdapAdvice {
    private LdapAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object name, @Advice.Argument(1) String filter) {
        return Bridge.ldap(name, filter);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
