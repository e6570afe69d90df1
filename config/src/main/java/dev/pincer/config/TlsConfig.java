package dev.pincer.config;

import java.nio.file.Path;
import java.util.Objects;

/** A PEM certificate chain and its PEM (PKCS#8) private key. Both paths exist and are readable at load time. */
public record TlsConfig(Path certificate, Path key) {
    public TlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }
}
