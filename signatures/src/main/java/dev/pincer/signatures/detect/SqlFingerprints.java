package dev.pincer.signatures.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The set of fingerprints that mean SQL injection, loaded once from
 * {@code sqli-fingerprints.txt} next to this class. That file is generated, not written: the test
 * {@code SqlFingerprintGrammar} enumerates the injection shapes of a small grammar in each context
 * (as is, after {@code '}, after {@code "}), folds each through {@link SqlFolder}, and writes the
 * union; {@code SqlFingerprintFileTest} fails when the file and the grammar disagree.
 *
 * <p>Example: {@code contains("s&sos")} is true ({@code x' or 'a'='a}); {@code contains("nnnnn")}
 * (five words of prose) is false.
 */
final class SqlFingerprints {
    static final String RESOURCE = "sqli-fingerprints.txt";
    private static final Set<String> SET = load();

    private SqlFingerprints() {
    }

    static boolean contains(String fingerprint) {
        return SET.contains(fingerprint);
    }

    static int size() {
        return SET.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = SqlFingerprints.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
