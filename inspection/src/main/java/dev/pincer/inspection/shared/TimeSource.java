package dev.pincer.inspection.shared;

/**
 * The two clocks the limits read: a monotonic one for rates and expiry, the wall clock for what
 * is shown (a ban's since and until) and shared (a Redis counter's window). Tests pass their own.
 *
 * <p>Example: {@code TimeSource.SYSTEM.nanoTime()}.
 */
public interface TimeSource {
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    long nanoTime();

    long currentTimeMillis();
}
