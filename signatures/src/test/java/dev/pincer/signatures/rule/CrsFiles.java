package dev.pincer.signatures.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the tests find the OWASP CRS v4.28 tree ({@code ../shared/crs} beside the repository, or
 * the {@code pincer.crs.dir} property), and the files a full load reads, in ModSecurity's order.
 */
final class CrsFiles {
    private CrsFiles() {
    }

    static Path dir() {
        String prop = System.getProperty("pincer.crs.dir");
        Path dir = prop != null ? Path.of(prop)
                : Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/crs");
        if (!Files.isDirectory(dir.resolve("rules"))) {
            throw new IllegalStateException("the CRS tree is not at " + dir
                    + " (expected ../shared/crs beside the repository, or -Dpincer.crs.dir)");
        }
        return dir;
    }

    /** crs-setup.conf.example, then every rules/*.conf in name order. */
    static List<Path> all() throws IOException {
        Path dir = dir();
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve("crs-setup.conf.example"));
        try (Stream<Path> s = Files.list(dir.resolve("rules"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().forEach(files::add);
        }
        return files;
    }
}
