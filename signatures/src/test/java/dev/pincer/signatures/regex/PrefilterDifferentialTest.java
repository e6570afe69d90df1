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
 * The prefilter is exact: for every CRS v4.28 {@code @rx} pattern without macros, every clause
 * {@link RequiredLiterals} derives in every view the prefilter scans ({@link View#RAW},
 * {@link View#UNIX}, {@link View#WINDOWS}), and every input of the regression suite (raw,
 * percent-decoded, lowercased and uppercased, and the decoded form with a view's removed chars
 * sprinkled between its letters, as command evasions do) and the benign strings: a clause that
 * fails on the input ("skip": none of its literals in the input's view, no hatch char in the
 * input) implies that the regex does not match. Each clause is checked on its own, so any
 * conjunction of them the prefilter keeps is exact too. Every input is used (no sample): only
 * skipped evaluations run the regex; their count is printed with the share that would run.
 */
class PrefilterDifferentialTest {

    private static final List<View> VIEWS = List.of(View.RAW, View.UNIX, View.WINDOWS);

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
            all.add(sprinkle(decoded, "'\\\""));
            all.add(sprinkle(decoded, "^\""));
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
            List<Check> checks = new ArrayList<>();
            for (View view : VIEWS) {
                List<List<String>> clauses = view == View.RAW ? RequiredLiterals.of(p) : RequiredLiterals.of(p, view);
                if (clauses == null) {
                    continue;
                }
                for (List<String> clause : clauses) {
                    checks.add(new Check(view, clause, clause.isEmpty() ? null : new LiteralScanner(clause)));
                }
            }
            evaluations += inputs.size();
            if (checks.isEmpty()) {
                continue;
            }
            filtered++;
            Regex regex = Regex.compile(p);
            for (String in : inputs) {
                Check failing = null;
                for (Check c : checks) {
                    if (!c.holds(in)) {
                        failing = c;
                        break;
                    }
                }
                if (failing == null) {
                    continue;
                }
                skipped++;
                if (regex.find(in)) {
                    wrong.add(p.substring(0, Math.min(80, p.length())) + " view " + failing.view
                            + " clause " + failing.literals + " matches " + in.substring(0, Math.min(80, in.length())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "prefilter: %d patterns (%d with clauses) x %d inputs = %d"
                        + " evaluations; %d skipped, %.1f%% run%n", patterns.size(), filtered, inputs.size(),
                evaluations, skipped, 100.0 * (evaluations - skipped) / evaluations);
        assertTrue(patterns.size() >= 280);
        assertTrue(filtered > patterns.size() / 2, filtered + " patterns with clauses");
        assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " wrong skips");
    }

    /** One clause of one view. */
    private record Check(View view, List<String> literals, LiteralScanner scanner) {
        boolean holds(String in) {
            for (char h : view.hatch().toCharArray()) {
                if (in.indexOf(h) >= 0) {
                    return true;
                }
            }
            if (scanner == null) {
                return false;
            }
            for (long b : scanner.scan(view.apply(in))) {
                if (b != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code in} with one of {@code junk} after every letter, in turn: an evasion-spelled form. */
    static String sprinkle(String in, String junk) {
        StringBuilder out = new StringBuilder(in.length() * 2);
        int k = 0;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            out.append(c);
            if (Character.isLetter(c) && c < 0x80) {
                out.append(junk.charAt(k++ % junk.length()));
            }
        }
        return out.toString();
    }
}
