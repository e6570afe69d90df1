package dev.pincer.sensor.deser;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ObjectInputStream.resolveClass(ObjectStreamClass)} and its overrides. */
public final class DeserializeAdvice {
    private DeserializeAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object descriptor) {
        return Bridge.deserialize(descriptor);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
