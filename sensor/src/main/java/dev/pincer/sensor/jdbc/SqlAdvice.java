package dev.pincer.sensor.jdbc;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Statement.execute*}/{@code addBatch(String)} and
 * {@code Connection.prepareStatement/prepareCall(String, ...)}: the SQL text is the first argument.
 */
public final class SqlAdvice {
    private SqlAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) String sql, @Advice.Origin("#m") String method) {
        return Bridge.sql(sql, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
