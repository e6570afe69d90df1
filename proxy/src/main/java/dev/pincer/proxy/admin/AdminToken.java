package dev.pincer.proxy.admin;

import dev.pincer.config.BanConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token that state-changing admin endpoints require as {@code Authorization: Bearer <token>},
 * read from {@code protection.bans.admin_token_file} or the variable {@code admin_token_env} names
 * (never from the command line or the config text). The presented token is compared in constant
 * time (SHA-256 of both, then {@link MessageDigest#isEqual}), so neither its content nor its length
 * leaks through timing. Without a usable token those endpoints answer 403 with {@link #why()}.
 *
 * <p>Example: a file holding {@code 3f9c...} (16 to 4096 printable characters, trailing newline
 * ignored); {@code matches("Bearer 3f9c...")} is true.
 */
public final class AdminToken {
    /** Shorter than this is guessable; the check says so instead of accepting it. */
    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] digest;
    private final String why;

    private AdminToken(byte[] digest, String why) {
        this.digest = digest;
        this.why = why;
    }

    /** No token: state-changing endpoints are off. */
    public static AdminToken none() {
        return new AdminToken(null, "no admin token is configured (protection.bans.admin_token_file or "
                + "protection.bans.admin_token_env), so state-changing admin endpoints are off");
    }

    /** The token the config names, or one that refuses everything (and says why, once, in the log). */
    public static AdminToken from(BanConfig config) {
        return from(config, System::getenv);
    }

    static AdminToken from(BanConfig config, Function<String, String> env) {
        Objects.requireNonNull(config, "config");
        if (config.adminTokenFile() != null) {
            return of(read(config.adminTokenFile()), "admin_token_file " + config.adminTokenFile());
        }
        if (config.adminTokenEnv() != null) {
            return of(env.apply(config.adminTokenEnv()), "admin_token_env " + config.adminTokenEnv());
        }
        return none();
    }

    private static AdminToken of(String token, String source) {
        String t = token == null ? null : token.strip();
        String problem = t == null ? "is unset or unreadable"
                : t.length() < MIN_LENGTH ? "is shorter than " + MIN_LENGTH + " characters"
                : t.length() > MAX_LENGTH ? "is longer than " + MAX_LENGTH + " characters"
                : !t.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? "holds characters other than printable ASCII"
                : null;
        if (problem != null) {
            String why = "the admin token (" + source + ") " + problem + ", so state-changing admin endpoints are off";
            LOG.warn(why);
            return new AdminToken(null, why);
        }
        return new AdminToken(sha256(t), null);
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(MAX_LENGTH + 2);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    public boolean configured() {
        return digest != null;
    }

    /** Why state-changing endpoints are off, or null when a token is configured. */
    public String why() {
        return why;
    }

    /** Whether an {@code Authorization} header value carries this token. */
    public boolean matches(String authorization) {
        if (digest == null || authorization == null || authorization.length() > MAX_LENGTH + 16
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
