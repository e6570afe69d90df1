package dev.pincer.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, found from the working directory ({@code e2e/tests} under Maven). */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("e2e/demo-app")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + dir);
    }

    /** {@code sensor/target/pincer-sensor.jar}. */
    public static Path sensorJar() {
        return root().resolve("sensor/target/pincer-sensor.jar");
    }
}
