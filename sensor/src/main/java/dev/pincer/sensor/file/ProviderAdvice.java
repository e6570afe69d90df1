package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the {@code FileSystemProvider} methods that take a {@code Path} and at least one
 * more argument ({@code newByteChannel}, {@code newInputStream}, {@code copy}, {@code move},
 * {@code readAttributes}, {@code checkAccess}, ...) and their overrides, where every
 * {@code java.nio.file.Files} call ends up. The second argument is the open options, a second path,
 * or something the mode does not depend on.
 */
public final class ProviderAdvice {
    private ProviderAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object path, @Advice.Argument(1) Object second,
            @Advice.Origin("#m") String method) {
        return Bridge.fileCall(path, second, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
