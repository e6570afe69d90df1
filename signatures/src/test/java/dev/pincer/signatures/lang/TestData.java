package dev.pincer.signatures.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the CRS tree and their vector files. */
final class TestData {

    private TestData() {}

    /**
     * The CRS v4 tree: the system property {@code pincer.crs.dir}, else the first
     * {@code shared/crs} found walking up from the module directory ({@code ../../shared/crs}
     * from the main checkout; one level further up from a worktree under {@code wt/}).
     */
    static Path crsDir() {
        String property = System.getProperty("pincer.crs.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path module = Path.of("").toAbsolutePath();
        for (Path dir = module.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/crs");
            if (Files.isDirectory(candidate.resolve("rules"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("CRS tree not found above " + module
                + " (expected ../../shared/crs; set -Dpincer.crs.dir)");
    }

    /** A vector file of this package's test resources, as UTF-8 text. */
    static String resource(String name) {
        try (InputStream in = TestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Expands the escapes of vector files: {CR}, {TAB}, {SP} (a blank that must not be trimmed),
     * {NL}, {EMPTY} (the empty string, where a line would otherwise be blank) and {BOM} (U+FEFF).
     */
    static String unescape(String s) {
        return s.replace("{CR}", "\r").replace("{TAB}", "\t").replace("{SP}", " ").replace("{NL}", "\n")
                .replace("{EMPTY}", "").replace("{BOM}", "\uFEFF");
    }
}
