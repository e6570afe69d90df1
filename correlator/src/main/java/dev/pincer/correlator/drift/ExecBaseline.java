package dev.pincer.correlator.drift;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The executables an app is expected to run, as written by {@code pincer baseline}
 * ({@link BaselineBuilder}) and read at startup. UTF-8 text, one entry per line, fields separated
 * by one tab: the SHA-256 of the file's content (64 hex digits), its absolute path, and for a
 * symbolic link a third field, the absolute path of the file it resolves to (whose content the
 * hash is of). Blank lines and lines starting with {@code #} are ignored.
 *
 * <pre>
 * # pincer exec baseline v1
 * 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08	/usr/bin/convert
 * 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae	/usr/bin/python3	/usr/bin/python3.11
 * </pre>
 *
 * <p>Lookups are by hash ({@link #containsHash}) and, when the sensor could not hash, by path
 * ({@link #containsPath}, either the link or its target). Immutable and thread-safe.
 */
public final class ExecBaseline {
    static final String HEADER = "# pincer exec baseline v1";
    /** Problems reported per file before the rest are summarised; one bad file rarely needs more. */
    private static final int MAX_PROBLEMS = 20;

    /** One executable: content hash, path, and the link target when {@code path} is a symlink (else null). */
    public record Entry(String sha256, String path, String target) {
        public Entry {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(path, "path");
            sha256 = sha256.toLowerCase(Locale.ROOT);
        }
    }

    private final List<Entry> entries;
    private final Set<String> hashes = new HashSet<>();
    private final Set<String> paths = new HashSet<>();

    public ExecBaseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            hashes.add(e.sha256());
            paths.add(e.path());
            if (e.target() != null) {
                paths.add(e.target());
            }
        }
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean containsHash(String sha256) {
        return sha256 != null && hashes.contains(sha256.strip().toLowerCase(Locale.ROOT));
    }

    public boolean containsPath(String path) {
        return path != null && paths.contains(path.strip());
    }

    /** Reads a baseline file; every malformed line is reported as {@code file:line: problem}. */
    public static ExecBaseline load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses baseline lines; {@code source} names them in problem reports. */
    public static ExecBaseline parse(List<String> lines, String source) throws BaselineFormatException {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String problem = problem(f);
            if (problem == null) {
                entries.add(new Entry(f[0], f[1], f.length == 3 ? f[2] : null));
            } else if (problems.size() < MAX_PROBLEMS) {
                problems.add(source + ":" + n + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new BaselineFormatException(problems);
        }
        return new ExecBaseline(entries);
    }

    private static String problem(String[] f) {
        if (f.length < 2 || f.length > 3) {
            return f.length + " tab-separated field(s) (expected: sha256<TAB>path or sha256<TAB>link<TAB>target)";
        }
        if (!isSha256(f[0])) {
            return "\"" + clip(f[0]) + "\" is not a SHA-256 (expected: 64 hex digits)";
        }
        for (int i = 1; i < f.length; i++) {
            if (!isAbsolute(f[i])) {
                return "\"" + clip(f[i]) + "\" is not an absolute path (expected: the executable's absolute path)";
            }
        }
        return null;
    }

    static boolean isSha256(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** {@code /x}, {@code \\host\x} or {@code C:\x} / {@code C:/x}. */
    static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\")
                || (p.length() > 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && (p.charAt(2) == '\\' || p.charAt(2) == '/'));
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Writes the baseline in the format {@link #load} reads. */
    public void write(Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (Entry e : entries) {
            out.write(e.sha256() + "\t" + e.path() + (e.target() == null ? "" : "\t" + e.target()) + "\n");
        }
    }

    /** Writes the baseline to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        }
    }
}
