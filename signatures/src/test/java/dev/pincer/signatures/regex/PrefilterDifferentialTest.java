package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.prefilter.LiteralScanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prefilter is exact: for every CRS v4.28 {@code @rx} pattern without macros and every input
 * of the regression suite (raw, percent-decoded, lowercased and uppercased) and the benign
 * strings, "skip" (no required literal occurs in the value) implies the regex does not match.
 * Every input is used (no sample): only the skipped evaluations run the regex, and the count of
 * those is printed with the share the prefilter lets through.
 */
class PrefilterDifferentialTest {

    @Test
    void aSkippedRegexNeverMatches() {
        List<String> patterns = new ArrayList<>();
        for (String p : CrsCorpus.rxPatterns()) {
            if (!p.contains("%{")) {
                patterns.add(p);
            }
        }
        Set<String> all = new LinkedHashSet<>();
        for (String raw : CrsCorpus.suiteInputs()) {
            String in = raw.length() > CrsRegexDifferentialTest.MAX_INPUT
                    ? raw.substring(0, CrsRegexDifferentialTest.MAX_INPUT) : raw;
            String decoded = CrsRegexDifferentialTest.percentDecode(in);
            all.add(in);
            all.add(decoded);
            all.add(decoded.toLowerCase(Locale.ROOT));
            all.add(decoded.toUpperCase(Locale.ROOT));
        }
        for (String b : CrsRegexDifferentialTest.BENIGN) {
            all.add(CrsCorpus.bytes(b));
        }
        List<String> inputs = new ArrayList<>(all);
        long evaluations = 0;
        long skipped = 0;
        int filtered = 0;
        List<String> wrong = new ArrayList<>();
        for (String p : patterns) {
            List<String> literals = RequiredLiterals.of(p);
            if (literals == null) {
                evaluations += inputs.size();
                continue;
            }
            filtered++;
            LiteralScanner scanner = new LiteralScanner(literals);
            Regex regex = Regex.compile(p);
            for (String in : inputs) {
                evaluations++;
                long[] bits = scanner.scan(in);
                boolean any = false;
                for (long b : bits) {
                    any |= b != 0;
                }
                if (any) {
                    continue;
                }
                skipped++;
                if (regex.find(in)) {
                    wrong.add(p.substring(0, Math.min(80, p.length())) + " literals " + literals
                            + " matches " + in.substring(0, Math.min(80, in.length())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "prefilter: %d patterns (%d with literals) x %d inputs = %d"
                        + " evaluations; %d skipped, %.1f%% run%n", patterns.size(), filtered, inputs.size(),
                evaluations, skipped, 100.0 * (evaluations - skipped) / evaluations);
        assertTrue(patterns.size() >= 280);
        assertTrue(filtered > patterns.size() / 2, filtered + " patterns with literals");
        assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " wrong skips");
    }
}
