package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random truncations and mutations of a valid config must only ever load or fail with a
 * {@link ConfigException}: any other exception (or error) from the loader is a bug, since a bad
 * file on reload must never take the proxy down. Seeded, so a failure reproduces.
 */
class ConfigFuzzTest {
    private static final String ALPHABET = ":-[]{}&*!#'\"|>%@`?,.~/\\ \n\t\r0123456789abcz\u0000\u00e9\u2028\uFEFF";
    /** YAML constructs worth splicing in whole: anchors, aliases, tags, merge keys, directives, escapes. */
    private static final String[] FRAGMENTS = {"&a ", "*a", "&a [*a]", "!!str ", "!!int ", "!!binary ", "!foo ",
        "<<: *a\n", "? ", "--- ", "...", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n---\n", "\n  - ", ": ",
        "\"\\x", "\"\\u12", "|\n  ", "{{{{", "[[[["};

    @Test
    void mutatedConfigsOnlyLoadOrFailWithProblems() throws IOException {
        List<String> seeds = List.of(Files.readString(Path.of("src/test/resources/valid/full.yaml")),
                ConfigLoaderTest.MINIMAL);
        Random random = new Random(20240611L);
        for (int i = 0; i < 6000; i++) {
            String yaml = mutate(seeds.get(i % 2), random, 1 + random.nextInt(4));
            try {
                ConfigLoader.parse(yaml, "src/test/resources/valid/fuzz.yaml");
            } catch (ConfigException e) {
                assertFalse(e.problems().isEmpty(), "a ConfigException lists its problems");
            } catch (Throwable t) {
                fail("iteration " + i + " threw " + t + " for input:\n" + yaml, t);
            }
        }
    }

    private static String mutate(String s, Random r, int times) {
        for (int t = 0; t < times && !s.isEmpty(); t++) {
            int at = r.nextInt(s.length());
            s = switch (r.nextInt(7)) {
                case 0 -> s.substring(0, at); // truncate
                case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(8)));
                case 2 -> s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
                case 3 -> s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at + 1);
                case 4 -> shuffleTwoLines(s, r);
                case 5 -> s.substring(0, at) + FRAGMENTS[r.nextInt(FRAGMENTS.length)] + s.substring(at);
                default -> s.substring(0, at) + s.substring(r.nextInt(s.length())); // splice
            };
        }
        return s;
    }

    private static String shuffleTwoLines(String s, Random r) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
        return String.join("\n", lines);
    }
}
