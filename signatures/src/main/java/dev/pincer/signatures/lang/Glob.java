package dev.pincer.signatures.lang;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@code Include} pattern with {@code *} (any run of chars) and {@code ?} (one char)
 * in any path component, as Apache's {@code apr_match_glob} and v3's {@code wordexp} do: a
 * wildcard never matches {@code /}, a leading {@code .} must be matched literally (hidden files
 * stay hidden), and the matches of each component are sorted by name in byte order, so the
 * result is sorted the way {@code strcmp} sorts full paths. The last component matches regular
 * files only; the others match directories.
 *
 * <p>Example: {@code expand(Path.of("/etc/crs"), "rules/*.conf")} gives
 * {@code [/etc/crs/rules/REQUEST-901-INITIALIZATION.conf, ...]} in that order.
 */
final class Glob {

    private Glob() {}

    /** Whether {@code pattern} holds a wildcard. */
    static boolean isPattern(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * The files matching {@code pattern} resolved against {@code base}, sorted; at most
     * {@code limit} (one more signals "over the limit").
     */
    static List<Path> expand(Path base, String pattern, int limit) throws IOException {
        Path whole = base.resolve(pattern).normalize();
        Path root = whole.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root != null ? root : Path.of(""));
        int count = whole.getNameCount();
        for (int c = 0; c < count; c++) {
            String component = whole.getName(c).toString();
            boolean last = c == count - 1;
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!isPattern(component)) {
                    Path candidate = dir.resolve(component);
                    if (last ? Files.isRegularFile(candidate) : Files.isDirectory(candidate)) {
                        next.add(candidate);
                    }
                    continue;
                }
                Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
                if (!Files.isDirectory(listed)) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString();
                        if (matches(component, name)) {
                            names.add(name);
                            if (names.size() > limit) {
                                break;
                            }
                        }
                    }
                }
                names.sort(null);
                for (String name : names) {
                    Path candidate = dir.resolve(name);
                    if (last ? Files.isRegularFile(candidate) : Files.isDirectory(candidate)) {
                        next.add(candidate);
                    }
                }
            }
            if (next.size() > limit) {
                return next.subList(0, limit + 1);
            }
            current = next;
        }
        return current;
    }

    /**
     * Whether {@code name} matches the one-component {@code pattern}; linear in their lengths
     * times the number of stars at worst (greedy matching with one backtrack point).
     */
    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".")) {
            return false;
        }
        int p = 0;
        int s = 0;
        int star = -1;
        int mark = 0;
        while (s < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = s;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(s))) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
