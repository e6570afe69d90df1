package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the production engine: every {@code @rx} pattern of CRS v4.28 against the
 * regression suite's {@code data}, {@code uri} and header values (raw, percent-decoded, and
 * lowercased), plus benign strings, through {@link Regex} (SafeRE) and through
 * {@code java.util.regex} on the same translated pattern, with re2j as a second oracle.
 *
 * <p>{@code java.util.regex} backtracks: each of its calls reads the input through a
 * {@link BudgetedText} that gives up after {@value #JDK_STEP_BUDGET} char reads, and a stack
 * overflow also counts as "no verdict", never as a disagreement. Inputs are a seeded sample of
 * {@value #SAMPLE} (seed {@value #SEED}) to keep the run near a minute on a shared 2-core box;
 * {@code -Dpincer.regex.diff.sample=0} runs them all.
 */
class CrsRegexDifferentialTest {

    static final long SEED = 20261202L;
    static final int SAMPLE = 2500;
    static final int JDK_STEP_BUDGET = 2_000_000;
    static final int MAX_INPUT = 4096;

    static final List<String> BENIGN = List.of("", "hello world", "id=42&sort=asc&page=3",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "gzip, deflate, br",
            "en-US,en;q=0.5", "keep-alive", "/api/v1/users/123/orders?limit=10", "application/json",
            "{\"name\":\"Jane\",\"tags\":[\"a\",\"b\"]}", "SESSIONID=abc123; theme=dark",
            "It's a nice day, isn't it? Select your option from the menu.", "O'Reilly & Sons",
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "max-age=0", "1", "0", "-1", "3.14",
            "caf\u00c3\u00a9 cr\u00c3\u00a8me", "line1\nline2\r\nline3", "tab\tand\u000bvt", "a\u0000b");

    @Test
    void safeReAgreesWithJavaUtilRegexOnEveryCrsPattern() {
        List<String> patterns = CrsCorpus.rxPatterns();
        List<String> inputs = inputs();
        long evaluations = 0;
        long jdkGaveUp = 0;
        long re2jSkipped = 0;
        List<String> jdkDisagreements = new ArrayList<>();
        List<String> re2jDisagreements = new ArrayList<>();
        int re2jUncompilable = 0;
        for (String p : patterns) {
            Regex safe = Regex.compile(p);
            java.util.regex.Pattern jdk = java.util.regex.Pattern.compile(PcreSyntax.toJava(p),
                    java.util.regex.Pattern.DOTALL | java.util.regex.Pattern.UNIX_LINES);
            com.google.re2j.Pattern re2 = null;
            try {
                re2 = com.google.re2j.Pattern.compile(PcreSyntax.toRe2(p), com.google.re2j.Pattern.DOTALL);
            } catch (RuntimeException e) {
                re2jUncompilable++;
            }
            for (String in : inputs) {
                evaluations++;
                boolean s = safe.find(in);
                Boolean j = jdkFind(jdk, in);
                if (j == null) {
                    jdkGaveUp++;
                } else if (j != s) {
                    jdkDisagreements.add(describe(p, in, s, j));
                }
                if (re2 == null) {
                    re2jSkipped++;
                } else if (re2.matcher(in).find() != s) {
                    re2jDisagreements.add(describe(p, in, s, !s));
                }
            }
        }
        System.out.printf(Locale.ROOT, "regex differential: %d patterns x %d inputs = %d evaluations;"
                        + " java.util.regex gave up on %d; %d disagreements;"
                        + " re2j: %d patterns it cannot compile, %d disagreements%n",
                patterns.size(), inputs.size(), evaluations, jdkGaveUp, jdkDisagreements.size(),
                re2jUncompilable, re2jDisagreements.size());
        re2jDisagreements.stream().limit(20).forEach(d -> System.out.println("re2j: " + d));
        assertTrue(patterns.size() >= 290);
        assertEquals(List.of(), jdkDisagreements.stream().limit(20).toList(),
                jdkDisagreements.size() + " disagreements with java.util.regex");
        assertEquals(List.of(), re2jDisagreements.stream().limit(20).toList(),
                re2jDisagreements.size() + " disagreements with re2j");
    }

    static List<String> inputs() {
        Set<String> all = new LinkedHashSet<>();
        for (String raw : CrsCorpus.suiteInputs()) {
            String in = raw.length() > MAX_INPUT ? raw.substring(0, MAX_INPUT) : raw;
            all.add(in);
            String decoded = percentDecode(in);
            all.add(decoded);
            all.add(decoded.toLowerCase(Locale.ROOT));
        }
        List<String> list = new ArrayList<>(all);
        System.out.println("regex differential: " + list.size() + " distinct suite inputs");
        int sample = Integer.getInteger("pincer.regex.diff.sample", SAMPLE);
        if (sample > 0 && list.size() > sample) {
            Collections.shuffle(list, new Random(SEED));
            list = new ArrayList<>(list.subList(0, sample));
        }
        for (String b : BENIGN) {
            list.add(CrsCorpus.bytes(b));
        }
        return list;
    }

    /** Percent-decoding into bytes, '+' as space, invalid escapes kept, as t:urlDecodeUni roughly. */
    static String percentDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c == '+' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The verdict of java.util.regex, or null when it ran out of budget or stack. */
    static Boolean jdkFind(java.util.regex.Pattern p, String in) {
        try {
            return p.matcher(new BudgetedText(in, JDK_STEP_BUDGET)).find();
        } catch (BudgetedText.Exhausted | StackOverflowError e) {
            return null;
        }
    }

    private static String describe(String p, String in, boolean safe, boolean other) {
        String shortIn = in.length() > 120 ? in.substring(0, 120) + "..." : in;
        String shortP = p.length() > 100 ? p.substring(0, 100) + "..." : p;
        return "SafeRE=" + safe + " other=" + other + " pattern=" + shortP + " input="
                + shortIn.replace("\n", "\\n");
    }

    /** A string that throws {@link Exhausted} after a fixed number of {@code charAt} calls. */
    static final class BudgetedText implements CharSequence {
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private int budget;

        BudgetedText(String text, int budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
