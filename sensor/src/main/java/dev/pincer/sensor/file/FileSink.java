package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;

/**
 * Kind {@code file}: args {@code [path as given, resolved absolute normalized path, read|write]}.
 *
 * <p>Only checked with a request context whose path bit is set (file is not an always-checked
 * kind). Even then, the JVM's own reads are skipped: jar, class and jmod files, and anything under
 * {@code java.home} (class loading that happens to run during a request). Paths of other file
 * systems (zip, jrt) are not files on disk and are skipped too.
 */
public final class FileSink {
    private static final String JAVA_HOME = javaHome();

    private FileSink() {
    }

    public static void check(Decider decider, ThreadState st, Object target, boolean write, String api) {
        String given;
        String resolved;
        if (target instanceof File) {
            File f = (File) target;
            given = f.getPath();
            resolved = resolve(f);
        } else if (target instanceof Path) {
            Path p = (Path) target;
            if (p.getFileSystem() != FileSystems.getDefault()) {
                return;
            }
            given = p.toString();
            resolved = p.toAbsolutePath().normalize().toString();
        } else if (target instanceof String) {
            given = (String) target;
            resolved = resolve(new File(given));
        } else {
            return; // a null File: the constructor throws NullPointerException itself
        }
        if (!write && jvmOwnRead(resolved)) {
            return;
        }
        decider.decide(st, Bridge.FILE, Arrays.asList(given, resolved, write ? "write" : "read"),
                Collections.<String>emptyList());
    }

    /** A {@code FileSystemProvider} method: writes when it opens for writing or appending. */
    public static void checkProvider(Decider decider, ThreadState st, Object path, Object options, String method) {
        boolean write;
        if ("newOutputStream".equals(method)) {
            write = true;
        } else if ("newInputStream".equals(method)) {
            write = false;
        } else {
            write = opensForWriting(options);
        }
        check(decider, st, path, write, method);
    }

    static boolean opensForWriting(Object options) {
        Collection<?> opts;
        if (options instanceof Collection) {
            opts = (Collection<?>) options;
        } else if (options instanceof OpenOption[]) {
            opts = Arrays.asList((OpenOption[]) options);
        } else {
            return false;
        }
        return opts.contains(StandardOpenOption.WRITE) || opts.contains(StandardOpenOption.APPEND);
    }

    static String resolve(File f) {
        try {
            return f.toPath().toAbsolutePath().normalize().toString();
        } catch (RuntimeException invalidPath) {
            return f.getAbsolutePath();
        }
    }

    /** Reads the JVM does for itself (class loading): jar, class and jmod files, the JDK's own files. */
    public static boolean jvmOwnRead(String resolved) {
        String lower = resolved.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".class") || lower.endsWith(".jmod")) {
            return true;
        }
        return JAVA_HOME != null && resolved.startsWith(JAVA_HOME);
    }

    private static String javaHome() {
        String home = System.getProperty("java.home");
        if (home == null || home.isEmpty()) {
            return null;
        }
        String r = resolve(new File(home));
        return r.endsWith(File.separator) ? r : r + File.separator;
    }
}
