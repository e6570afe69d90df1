package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Kind {@code file}: args {@code [path as given, resolved absolute normalized path, mode]}, mode
 * one of {@code read}, {@code write}, {@code delete}, {@code list}, {@code stat} ({@link FileModes});
 * attrs {@code fs} ({@code unix} or {@code windows}, from {@code File.separatorChar}: how the
 * correlator must read separators) and {@code api} (the hooked method).
 *
 * <p>Only checked with a request context whose path bit is set (file is not an always-checked
 * kind). Even then, the JVM's own reads, stats and listings are skipped: jar, class and jmod files,
 * and anything under {@code java.home} (class loading that happens to run during a request). Paths
 * of other file systems (zip, jrt) are not files on disk and are skipped too. A method with two
 * paths ({@code renameTo}, {@code copy}, {@code move}, links) is two CHECKs, the first path first.
 */
public final class FileSink {
    /** How the platform separates path segments: {@code \} is a separator only on Windows. */
    public static final String FS = File.separatorChar == '\\' ? "windows" : "unix";
    private static final String JAVA_HOME = javaHome();

    private FileSink() {
    }

    /** A stream or zip constructor, {@code mode} given by its advice. */
    public static void open(Decider decider, ThreadState st, Object target, String mode, String api) {
        String resolved = check(decider, st, target, null, mode, api);
        if (resolved != null && api.endsWith("ZipFile")) {
            st.zipChecked = resolved;
        }
    }

    /** Any other hooked method: its mode(s) from its name. */
    public static void call(Decider decider, ThreadState st, Object target, Object second, String method) {
        String mode = FileModes.of(method);
        if (mode == null) {
            mode = FileModes.ofOptions(method, second);
        }
        String secondMode = FileModes.ofSecond(method);
        check(decider, st, target, null, mode, method);
        if (secondMode != null) {
            check(decider, st, second, linkBase(method, target), secondMode, method);
        }
    }

    /**
     * Checks one path; returns its resolved form when a CHECK was decided (allowed), or
     * {@code null} when the path was skipped. {@code base}, when not {@code null}, is the directory
     * a relative {@code target} is resolved against (a symbolic link's target).
     */
    static String check(Decider decider, ThreadState st, Object target, Path base, String mode, String api) {
        String given;
        String resolved;
        if (target instanceof File) {
            File f = (File) target;
            given = f.getPath();
            resolved = resolve(f);
        } else if (target instanceof Path) {
            Path p = (Path) target;
            if (p.getFileSystem() != FileSystems.getDefault()) {
                return null;
            }
            given = p.toString();
            Path abs = base != null && !p.isAbsolute() ? base.resolve(p) : p.toAbsolutePath();
            resolved = abs.normalize().toString();
        } else if (target instanceof String) {
            given = (String) target;
            resolved = resolve(new File(given));
        } else {
            return null; // null: the method throws NullPointerException itself, or uses a default
        }
        boolean looks = Bridge.READ.equals(mode) || Bridge.STAT.equals(mode) || Bridge.LIST.equals(mode);
        if (looks && (jvmOwnRead(resolved) || resolved.equals(st.zipChecked) || ClassPathLookup.inProgress())) {
            return null;
        }
        decider.decide(st, Bridge.FILE, Arrays.asList(given, resolved, mode), Arrays.asList("fs", FS, "api", api));
        return resolved;
    }

    /** A relative symbolic-link target is resolved against the link's directory, not the working one. */
    private static Path linkBase(String method, Object link) {
        if (!"createSymbolicLink".equals(method) || !(link instanceof Path)) {
            return null;
        }
        Path parent = ((Path) link).toAbsolutePath().getParent();
        return parent;
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
