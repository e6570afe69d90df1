package dev.pincer.inspection.seclang;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The running thread's CPU time, for the time budget: what a phase costs, not how long a busy
 * machine took to give it the CPU (on a loaded box, wall time once put benign requests over the
 * budget). A read costs about 0.3 µs, so the runner reads it only in phases heavy enough to reach a
 * budget check. Falls back to wall time where the JVM cannot measure thread CPU time.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = supported();

    private CpuClock() {
    }

    private static boolean supported() {
        try {
            if (!THREADS.isCurrentThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Nanoseconds of this thread's CPU time (or, unsupported, of wall time), from an arbitrary origin. */
    static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
