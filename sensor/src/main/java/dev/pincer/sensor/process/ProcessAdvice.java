package dev.pincer.sensor.process;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code java.lang.ProcessBuilder.start()} (and the private {@code start(Redirect[])}
 * that {@code startPipeline} uses), so {@code Runtime.exec} is covered too. Runs in the bootstrap
 * loader: it may only touch JDK types and the bridge.
 */
public final class ProcessAdvice {
    private ProcessAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.This ProcessBuilder builder) {
        return Bridge.exec(builder.command(), builder.directory());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
