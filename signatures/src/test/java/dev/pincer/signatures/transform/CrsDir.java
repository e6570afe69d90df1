package dev.pincer.signatures.transform;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the CRS v4.28 tree the tests read: the system property {@code pincer.crs.dir}, else
 * {@code shared/crs} next to the checkout ({@code ../../shared/crs} from the module directory;
 * one level further up from a worktree under {@code wt/}).
 */
final class CrsDir {

    private CrsDir() {}

    static Path find() {
        String property = System.getProperty("pincer.crs.dir");
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath();
            if (!Files.isDirectory(dir.resolve("rules"))) {
                throw new IllegalStateException("pincer.crs.dir=" + dir + " has no rules/ directory");
            }
            return dir;
        }
        Path module = Path.of("").toAbsolutePath();
        for (Path p = module.getParent(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared").resolve("crs");
            if (Files.isDirectory(dir.resolve("rules"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no CRS tree: set -Dpincer.crs.dir or put it at ../../shared/crs from " + module);
    }
}
