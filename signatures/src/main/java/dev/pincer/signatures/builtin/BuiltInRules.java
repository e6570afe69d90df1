package dev.pincer.signatures.builtin;

import dev.pincer.signatures.lang.Directive;
import dev.pincer.signatures.lang.RuleFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pincer's own rules, shipped as resources of this package and loaded before the operator's
 * ({@code protection.rules}). Ids 9,000,000 to 9,000,999 are Pincer's.
 * <ul>
 *   <li>{@code pincer-base.conf}: the body processor for XML and JSON, and a deny for a body
 *       that does not parse, too many arguments, or a multipart body that fails strict
 *       validation.</li>
 * </ul>
 */
public final class BuiltInRules {

    /** The file name events and errors give for the base rules. */
    public static final String BASE = "pincer-base.conf";

    private BuiltInRules() {
    }

    /** The base rules' directives. */
    public static List<Directive> base() {
        try (InputStream in = BuiltInRules.class.getResourceAsStream("/dev/pincer/signatures/rules/" + BASE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rules " + BASE + " are missing from the jar");
            }
            return RuleFileParser.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), BASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
