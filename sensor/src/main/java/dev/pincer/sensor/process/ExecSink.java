package dev.pincer.sensor.process;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kind {@code exec}: args are the full argv, {@code argv[0]} as given; attrs {@code exe.path} (argv[0]
 * resolved: through {@code PATH} when it has no slash, against the working directory when relative;
 * empty unless the file exists), {@code exe.sha256} (hex of that file, empty when unknown),
 * {@code exec.form} ({@code string} when the process was split from a {@code Runtime.exec(String)}
 * command, with {@code exec.command} the command itself; else {@code argv}), and one
 * {@code env.NAME=value} per variable the child gets that the JVM's own environment does not have
 * with that value, bounded, and {@code exec.env_truncated=N} when N entries were cut or left out
 * ({@link ExecEnvironment}, docs/sensor-protocol.md).
 *
 * <p>Example: {@code Runtime.exec("ping -c 1 x", new String[] {"LANG=C"})} gives argv
 * {@code [ping, -c, 1, x]}, {@code exe.path=/usr/bin/ping} and its hash, {@code exec.form=string},
 * {@code exec.command=ping -c 1 x} and {@code env.LANG=C} (unless the JVM runs with LANG=C).
 */
public final class ExecSink {
    /** Hashing a bigger file would stall the calling thread for too long; its hash is left empty. */
    static final long MAX_HASHED_BYTES = 64L * 1024 * 1024;
    /** Distinct executables an app runs are few; past this the cache starts over. */
    static final int MAX_CACHED = 256;

    /** The longest command string sent as {@code exec.command} (the correlator reads no more). */
    static final int MAX_COMMAND = 64 * 1024;

    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private ExecSink() {
    }

    public static void check(Decider decider, ThreadState st, List<String> command, File directory,
            Map<String, String> environment) {
        int n = Math.min(command.size(), 1024);
        List<String> argv = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String a = command.get(i);
            argv.add(a == null ? "" : a);
        }
        String exe = argv.isEmpty() ? "" : resolve(argv.get(0), directory, System.getenv("PATH"));
        String sha = exe.isEmpty() ? "" : sha256(exe);
        List<String> attrs = new ArrayList<>(Arrays.asList("exe.path", exe, "exe.sha256", sha));
        form(attrs, st.execCommand, command);
        ExecEnvironment.attrs(attrs, environment, System.getenv());
        decider.decide(st, Bridge.EXEC, argv, attrs);
    }

    /**
     * {@code exec.form}: {@code string} when {@code command} (the {@code Runtime.exec(String)} call
     * on this thread, or null) splits into exactly this argv, else {@code argv}; with
     * {@code exec.command} for a string of at most {@link #MAX_COMMAND} characters.
     */
    static void form(List<String> attrs, String commandString, List<String> argv) {
        if (commandString == null || !splitsInto(commandString, argv)) {
            attrs.add("exec.form");
            attrs.add("argv");
            return;
        }
        attrs.add("exec.form");
        attrs.add("string");
        if (commandString.length() <= MAX_COMMAND) {
            attrs.add("exec.command");
            attrs.add(commandString);
        }
    }

    /** True when the JDK's split of {@code command} ({@code StringTokenizer}, as Runtime.exec) is {@code argv}. */
    static boolean splitsInto(String command, List<String> argv) {
        StringTokenizer t = new StringTokenizer(command);
        int i = 0;
        while (t.hasMoreTokens()) {
            if (i >= argv.size() || !t.nextToken().equals(argv.get(i))) {
                return false;
            }
            i++;
        }
        return i == argv.size();
    }

    /** The absolute path of the file {@code argv0} names, or "" when there is none. */
    static String resolve(String argv0, File directory, String pathEnv) {
        if (argv0.isEmpty() || argv0.indexOf('\0') >= 0) {
            return "";
        }
        if (argv0.indexOf('/') >= 0 || argv0.indexOf(File.separatorChar) >= 0) {
            File f = new File(argv0);
            if (!f.isAbsolute()) {
                File base = directory != null ? directory : new File(System.getProperty("user.dir"));
                f = new File(base, argv0);
            }
            return f.isFile() ? normalize(f) : "";
        }
        if (pathEnv == null) {
            return "";
        }
        for (String dir : pathEnv.split(File.pathSeparator, -1)) {
            File f = new File(dir.isEmpty() ? "." : dir, argv0);
            if (f.isFile() && f.canExecute()) {
                return normalize(f);
            }
        }
        return "";
    }

    private static String normalize(File f) {
        try {
            return f.toPath().toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return f.getAbsolutePath();
        }
    }

    /** SHA-256 of the file, cached by path, modification time and size. */
    static String sha256(String path) {
        File f = new File(path);
        long size = f.length();
        long mtime = f.lastModified();
        if (size > MAX_HASHED_BYTES) {
            return "";
        }
        String key = path + '\0' + mtime + '\0' + size;
        String cached = HASHES.get(key);
        if (cached != null) {
            return cached;
        }
        String hex;
        try (InputStream in = new FileInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            for (int r; (r = in.read(buf)) > 0;) {
                md.update(buf, 0, r);
            }
            hex = hex(md.digest());
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return "";
        }
        if (HASHES.size() >= MAX_CACHED) {
            HASHES.clear();
        }
        HASHES.put(key, hex);
        return hex;
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        final char[] digits = "0123456789abcdef".toCharArray();
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = digits[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[b[i] & 0xF];
        }
        return new String(out);
    }
}
