package dev.pincer.sensor.process;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code java.lang.Runtime.exec(String, String[], File)}, which every
 * {@code exec(String...)} overload calls: notes the command string on the thread while the call
 * runs, so the {@link ProcessAdvice} check of the process it starts can say it was split from a
 * string ({@code exec.form=string}, {@code exec.command}). Runs in the bootstrap loader; never throws.
 */
public final class RuntimeExecAdvice {
    private RuntimeExecAdvice() {
    }

    @Advice.OnMethodEnter
    static String enter(@Advice.Argument(0) String command) {
        return Bridge.execString(command);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter String previous) {
        Bridge.execStringDone(previous);
    }
}
