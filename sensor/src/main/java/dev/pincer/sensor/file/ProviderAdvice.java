package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code FileSystemProvider.newByteChannel/newFileChannel/newAsynchronousFileChannel/
 * newInputStream/newOutputStream} and their overrides, where every {@code java.nio.file.Files}
 * read and write ends up. The second argument is the open options (a {@code Set} or an array).
 */
public final class ProviderAdvice {
    private ProviderAdvice() {
    }

    @Advice.OnMethodEnter
    static int enter(@Advice.Argument(0) Object path, @Advice.Argument(1) Object options,
            @Advice.Origin("#m") String method) {
        return Bridge.fileProvider(path, options, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Bridge.leave(token);
    }
}
