package dev.pincer.correlator.drift;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link ExecBaseline} by walking directories (by default those on {@code PATH}, plus any
 * given) and hashing every regular executable file with SHA-256. Symbolic links are not followed
 * while walking (no loops, no escaping the tree); a link to an executable file is recorded with the
 * hash of its target and the target's real path. Bounded: at most {@code maxFiles} entries,
 * {@code maxDepth} directory levels, and files of at most {@code maxFileBytes} hashed; whatever a
 * bound or an I/O error skips is listed in {@link Result#skipped()}.
 *
 * <p>Example: {@code new BaselineBuilder().build(BaselineBuilder.defaultDirs())} on a Debian image
 * records {@code /usr/bin/ls}, and {@code /usr/bin/python3} with target {@code /usr/bin/python3.11}.
 */
public final class BaselineBuilder {
    /** A full distribution has a few thousand executables; 100k bounds a runaway walk. */
    public static final int DEFAULT_MAX_FILES = 100_000;
    /** PATH directories are flat; app trees are rarely deeper than this. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** Larger executables are rare (and hashing them slow); they are listed as skipped. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    /** Skip notes kept; the count beyond is summarised. */
    private static final int MAX_NOTES = 100;

    private final int maxFiles;
    private final int maxDepth;
    private final long maxFileBytes;

    public BaselineBuilder() {
        this(DEFAULT_MAX_FILES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES);
    }

    public BaselineBuilder(int maxFiles, int maxDepth, long maxFileBytes) {
        this.maxFiles = maxFiles;
        this.maxDepth = maxDepth;
        this.maxFileBytes = maxFileBytes;
    }

    /** The baseline built, and what was skipped and why ({@code path: reason}). */
    public record Result(ExecBaseline baseline, List<String> skipped) {
    }

    /** The directories on {@code PATH}, in order. */
    public static List<Path> defaultDirs() {
        String path = System.getenv("PATH");
        List<Path> out = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    out.add(Path.of(d));
                }
            }
        }
        return out;
    }

    public Result build(List<Path> dirs) {
        Map<String, ExecBaseline.Entry> entries = new LinkedHashMap<>();
        Map<Path, String> hashed = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path dir : dirs) {
            if (entries.size() >= maxFiles) {
                note(skipped, dir + ": not walked, " + maxFiles + " files reached");
                continue;
            }
            try {
                Path root = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
                Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth,
                        new Visitor(entries, hashed, skipped));
            } catch (IOException e) {
                note(skipped, dir + ": " + e.getMessage());
            }
        }
        return new Result(new ExecBaseline(new ArrayList<>(entries.values())), skipped);
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Map<String, ExecBaseline.Entry> entries;
        private final Map<Path, String> hashed;
        private final List<String> skipped;

        Visitor(Map<String, ExecBaseline.Entry> entries, Map<Path, String> hashed, List<String> skipped) {
            this.entries = entries;
            this.hashed = hashed;
            this.skipped = skipped;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (entries.size() >= maxFiles) {
                note(skipped, file + ": " + maxFiles + " files reached, walk stopped");
                return FileVisitResult.TERMINATE;
            }
            Path abs = file.toAbsolutePath().normalize();
            String name = abs.toString();
            if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 || entries.containsKey(name)) {
                return FileVisitResult.CONTINUE;
            }
            try {
                Path target = attrs.isSymbolicLink() ? abs.toRealPath() : abs;
                if (!Files.isRegularFile(target) || !Files.isExecutable(target)) {
                    return FileVisitResult.CONTINUE;
                }
                String t = target.toString();
                if (t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.size(target) > maxFileBytes) {
                    note(skipped, file + ": larger than " + maxFileBytes + " bytes");
                    return FileVisitResult.CONTINUE;
                }
                String hash = hashed.get(target);
                if (hash == null) {
                    hash = sha256(target);
                    hashed.put(target, hash);
                }
                entries.put(name, new ExecBaseline.Entry(hash, name, attrs.isSymbolicLink() ? t : null));
            } catch (IOException e) {
                note(skipped, file + ": " + e.getMessage());
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            note(skipped, file + ": " + e.getMessage());
            return FileVisitResult.CONTINUE;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void note(List<String> skipped, String note) {
        if (skipped.size() < MAX_NOTES) {
            skipped.add(note);
        } else if (skipped.size() == MAX_NOTES) {
            skipped.add("... more skipped");
        }
    }
}
