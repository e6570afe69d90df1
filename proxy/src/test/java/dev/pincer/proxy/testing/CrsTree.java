package dev.pincer.proxy.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The OWASP CRS tree the tests read: {@code -Dpincer.crs.dir}, else {@code ../shared/crs} beside the repository. */
public final class CrsTree {
    private CrsTree() {
    }

    /** @throws IllegalStateException when it is not there: the tests need it, they never skip */
    public static Path dir() {
        String prop = System.getProperty("pincer.crs.dir");
        Path d = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/crs");
        if (!Files.isDirectory(d.resolve("rules"))) {
            throw new IllegalStateException("the CRS tree is expected at " + d + " (or set -Dpincer.crs.dir)");
        }
        return d.toAbsolutePath();
    }
}
