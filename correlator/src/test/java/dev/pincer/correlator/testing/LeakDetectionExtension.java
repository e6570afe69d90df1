package dev.pincer.correlator.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty reports a leaked buffer. Registered for every test through the JUnit
 * service loader (see {@code junit-platform.properties}); the build runs with
 * {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked.
 *
 * <p>Netty notices a leak only after the garbage collector has reclaimed the unreleased buffer and
 * another buffer is allocated. After each test the extension allocates (cheap); after each class
 * it also forces collection. A leak can therefore surface in a later test or at the end of the
 * class: the record names the allocation site either way.
 */
public final class LeakDetectionExtension implements AfterEachCallback, AfterAllCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    /** Cheap, after each test: reports leaks whose buffers the collector has already reclaimed. */
    @Override
    public void afterEach(ExtensionContext context) {
        poll();
        check(context);
    }

    /** Thorough, after each test class: forces collection so that every leak surfaces. */
    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 2 && LEAKS.isEmpty(); i++) {
            System.gc();
            Thread.sleep(50);
            poll();
        }
        check(context);
    }

    private static void poll() {
        for (int j = 0; j < 64; j++) {
            ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(16);
            a.release();
            ByteBuf b = UnpooledByteBufAllocator.DEFAULT.buffer(16);
            b.release();
            ByteBuf c = PooledByteBufAllocator.DEFAULT.directBuffer(16);
            c.release();
        }
    }

    private static void check(ExtensionContext context) {
        if (!LEAKS.isEmpty()) {
            String report = String.join("\n\n", LEAKS);
            LEAKS.clear();
            throw new AssertionError("Netty reported leaked buffers (during or before "
                    + context.getDisplayName() + "):\n" + report);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval, maxActive) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add("LEAK " + resourceType + records);
                    super.reportTracedLeak(resourceType, records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add("LEAK " + resourceType + " (untraced)");
                    super.reportUntracedLeak(resourceType);
                }
            };
        }
    }
}
