package dev.pincer.sensor.process;

import dev.pincer.sensor.bootstrap.Bridge;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code java.lang.ProcessBuilder.start()} (and the private {@code start(Redirect[])}
 * that {@code startPipeline} uses), so {@code Runtime.exec} is covered too. Reads the builder's
 * private {@code environment} field (null until {@code environment()} or an {@code envp} set it)
 * rather than calling {@code environment()}, which would create the map as a side effect. The
 * field has this name and type in every JDK from 8 to 25. Runs in the bootstrap loader: it may only
 * touch JDK types and the bridge.
 */
public final class ProcessAdvice {
    private ProcessAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.This ProcessBuilder builder,
            @Advice.FieldValue("environment") Map<String, String> environment) {
        return Bridge.exec(builder.command(), builder.directory(), environment);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
