package dev.pincer.sensor.internal;

/**
 * The CHECK's {@code stack}: the innermost application frames, innermost first, one per line
 * ({@code class.method(File.java:42)}), at most 8 frames and 2 KiB. JDK frames, servlet-API frames
 * and the sensor's own are skipped. Only computed when a round trip is made.
 */
public final class StackSummary {
    static final int MAX_FRAMES = 8;
    static final int MAX_CHARS = 2048;

    private StackSummary() {
    }

    public static String capture() {
        return summarize(new Throwable().getStackTrace());
    }

    static String summarize(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder(256);
        int n = 0;
        for (StackTraceElement f : frames) {
            if (n == MAX_FRAMES) {
                break;
            }
            String cls = f.getClassName();
            if (skipped(cls)) {
                continue;
            }
            String line = cls + "." + f.getMethodName() + "(" + (f.getFileName() == null ? "Unknown Source"
                    : f.getFileName() + (f.getLineNumber() >= 0 ? ":" + f.getLineNumber() : "")) + ")";
            // Frames are mostly ASCII; the codec cuts the UTF-8 form to 2 KiB in any case.
            if (sb.length() + line.length() + 1 > MAX_CHARS) {
                break;
            }
            if (n > 0) {
                sb.append('\n');
            }
            sb.append(line);
            n++;
        }
        return sb.toString();
    }

    static boolean skipped(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.")
                || cls.startsWith("sun.") || cls.startsWith("com.sun.") || cls.startsWith("jakarta.")
                || Own.isSensorClass(cls);
    }
}
