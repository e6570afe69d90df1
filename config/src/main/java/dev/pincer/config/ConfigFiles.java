package dev.pincer.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files a config names (TLS certificates, the correlator token, the exec baseline): resolved
 * against the config file's directory and required to be readable regular files.
 *
 * <p>Example: {@code readable(Path.of("/etc/pincer"), "tls/cert.pem", "a PEM file")} is
 * {@code /etc/pincer/tls/cert.pem}, or throws {@code IllegalArgumentException("a PEM file (looked at
 * /etc/pincer/tls/cert.pem)")}.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The resolved path; {@link IllegalArgumentException} with {@code expected} when unusable. */
    static Path readable(Path baseDir, String text, String expected) {
        Path p;
        try {
            p = baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(expected + " (not a valid path)");
        }
        if (text.isBlank() || !Files.isRegularFile(p) || !Files.isReadable(p)) {
            boolean moved = !p.toString().equals(text);
            throw new IllegalArgumentException(expected + (moved ? " (looked at " + Nodes.printable(p.toString()) + ")" : ""));
        }
        return p;
    }
}
