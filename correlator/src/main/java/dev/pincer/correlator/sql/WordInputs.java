package dev.pincer.correlator.sql;

import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.internal.Forms;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.sql.SqlTokens.Type;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inputs that are one SQL word ({@code id}, {@code NULL}, {@code x}: a letter or {@code _}, then
 * letters, digits, {@code _}, {@code $}). Such an input cannot break out of anything, but where it
 * is a whole word token in a value position it turns the value into a name
 * ({@link IdentifierValueRule}). Matching is by token, not by substring: a word input is judged
 * only where a reading has a word token equal to it (ignoring case, as an app may change case), so
 * {@code id} inside {@code valid} or inside {@code 'id'} is never a candidate. The literal keywords
 * an app writes itself ({@code NULL TRUE FALSE UNKNOWN DEFAULT}) count only with the input's exact
 * spelling and when that spelling is not all lower case: hand-written SQL spells them in upper
 * case and ORMs ({@code enabled=true}, {@code set deleted_at=null}) in lower case, while browsers
 * and front ends send {@code true}, {@code false}, {@code null} in lower case, so
 * {@code ?remember=true} is not blamed for the app's own literal. The price, deliberately paid: a
 * lower-case keyword input in a value position is not a finding (an identifier always is).
 *
 * <p>Cost: a substring search of the word forms first ({@link Occurrences}' budgets); only when a
 * form occurs as a whole word (or that search stopped early) are the query's readings scanned,
 * one pass over their tokens with a hash lookup per word of a length some form has. Forms longer
 * than {@value #MAX_WORD} characters are ignored: no dialect accepts an identifier that long.
 *
 * <p>Example: input {@code id=id} and {@code SELECT * FROM users WHERE id = id} give the hit on the
 * second {@code id}.
 */
final class WordInputs {
    /** The longest identifier any dialect accepts (SQL Server 128; PostgreSQL 63, MySQL 64). */
    static final int MAX_WORD = 128;
    static final Occurrences.Options GATE = new Occurrences.Options(1, "", WordInputs::isWord, List.of());
    private static final Set<String> LITERAL_KEYWORDS = Set.of("null", "true", "false", "unknown", "default");

    private WordInputs() {
    }

    /** A word input's occurrence and its verdict. */
    record Match(Hit hit, SqlReadings.Judged judged) {
    }

    private record Candidate(Input input, String form) {
    }

    /** True when the gate search says the readings must be scanned. */
    static boolean worthScanning(String sql, Occurrences.Result gate) {
        if (gate.exhausted()) {
            return true;
        }
        for (Hit h : gate.hits()) {
            boolean before = h.start() == 0 || !wordPart(sql.charAt(h.start() - 1));
            boolean after = h.end() == sql.length() || !wordPart(sql.charAt(h.end()));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** The first word input that is a name in a value position under the readings, or null. */
    static Match find(RequestInputs inputs, SqlReadings readings) {
        Map<String, List<Candidate>> forms = new HashMap<>();
        boolean[] lengths = new boolean[MAX_WORD + 1];
        for (Input in : inputs.inputs()) {
            for (String form : Forms.of(in, List.of())) {
                if (form.length() <= MAX_WORD && isWord(form)) {
                    forms.computeIfAbsent(form.toLowerCase(Locale.ROOT), f -> new ArrayList<>()).add(new Candidate(in, form));
                    lengths[form.length()] = true;
                }
            }
        }
        if (forms.isEmpty()) {
            return null;
        }
        Set<Long> seen = new HashSet<>();
        for (SqlTokens t : readings.tokens()) {
            for (int k = 0; k < t.count(); k++) {
                int len = t.end(k) - t.start(k);
                if (t.type(k) != Type.WORD || len > MAX_WORD || !lengths[len]) {
                    continue;
                }
                Hit hit = pick(forms.get(t.lower(k)), t, k);
                if (hit == null || !seen.add(((long) t.start(k) << 32) | t.end(k))) {
                    continue;
                }
                SqlReadings.Judged j = readings.judgeWord(t.start(k), t.end(k));
                if (j != null) {
                    return new Match(hit, j);
                }
            }
        }
        return null;
    }

    /**
     * The occurrence of the input that the word token {@code k} is, or null; when several inputs
     * are this word, the one {@link Attribution} names (a query input before a path segment).
     */
    private static Hit pick(List<Candidate> candidates, SqlTokens t, int k) {
        if (candidates == null) {
            return null;
        }
        String token = t.text(k);
        String lower = token.toLowerCase(Locale.ROOT);
        boolean keyword = LITERAL_KEYWORDS.contains(lower);
        List<Hit> hits = new ArrayList<>(1);
        for (Candidate c : candidates) {
            if (!keyword || (c.form().equals(token) && !token.equals(lower))) {
                hits.add(new Hit(c.input(), t.start(k), t.end(k)));
            }
        }
        return hits.isEmpty() ? null : Attribution.strongestFirst(hits).get(0);
    }

    /** One word token wherever it lands. */
    static boolean isWord(String form) {
        if (form.isEmpty() || !(Character.isLetter(form.charAt(0)) || form.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < form.length(); i++) {
            if (!wordPart(form.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
