package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.inspection.input.Input;

/**
 * Decides whether one occurrence of an input in an exec call's environment ({@link Environment})
 * changes what runs. Findings:
 * <ul>
 *   <li>the input is the whole name of a variable, spelled exactly as the input (or the variable's
 *       value comes from an input too): the request chooses which variable the app sets;</li>
 *   <li>the input makes part of the name of a {@link RunControl} variable ({@code "LD_" + input});</li>
 *   <li>the input is in the value of a {@link RunControl} variable and is the whole value, a whole
 *       element of it (between {@code : ; , =} or blanks), or brings characters other than letters,
 *       digits, {@code . _ -} (a path, an option, shell syntax);</li>
 *   <li>the input starts a value with {@code () {}, an exported shell function (Shellshock).</li>
 * </ul>
 * Not a finding: the value of an ordinary variable ({@code USER_NAME=alice}), a name that merely
 * equals an input in another case ({@code lang} and the app's {@code LANG=C}), and a plain word
 * inside a run-control value the app wrote around it ({@code bin} in {@code PATH=/usr/bin}).
 *
 * <p>Example: {@code LD_PRELOAD=/tmp/evil.so} with input {@code /tmp/evil.so} gives "input sets
 * the value of LD_PRELOAD, which changes what runs".
 */
final class EnvironmentJudge {
    private static final String ELEMENT_BOUNDS = ":;,= \t";

    private EnvironmentJudge() {
    }

    /** The reason, or null; {@code valueFromInput}: whether some input occurs in the entry's value. */
    static String judge(Environment env, Hit h, boolean valueFromInput) {
        int k = env.entryAt(h.start());
        String name = env.name(k);
        String value = env.value(k);
        int s = h.start() - env.start(k);
        int e = h.end() - env.start(k);
        int valueStart = name.length() + 1;
        if (e > valueStart + value.length()) {
            return null; // an input with a NUL spans two entries: no name or value holds one
        }
        if (s < name.length()) {
            String text = env.text().substring(h.start(), Math.min(h.end(), env.start(k) + name.length()));
            if (s == 0 && e >= name.length() && (exact(h.input(), text) || valueFromInput)) {
                return "input defines the name of the environment variable " + name;
            }
            if ((s > 0 || e < name.length()) && RunControl.runsCode(name) && exact(h.input(), text)) {
                return "input makes part of the name of " + name + ", a variable that changes what runs";
            }
        }
        int vs = Math.max(0, s - valueStart);
        int ve = e - valueStart;
        if (ve <= 0) {
            return null;
        }
        if (vs == 0 && value.startsWith("() {")) {
            return "input defines a shell function in " + name + " (Shellshock)";
        }
        if (RunControl.runsCode(name) && controls(value, vs, ve)) {
            return "input sets the value of " + name + ", which changes what runs";
        }
        return null;
    }

    /**
     * True when the occurrence's text (its part in the name) is the input's own spelling, not a
     * case-folded coincidence.
     */
    private static boolean exact(Input in, String text) {
        return in.decoded().startsWith(text) || in.raw().startsWith(text);
    }

    /** The whole value, a whole element of it, or characters beyond a plain word. */
    static boolean controls(String value, int s, int e) {
        if (s == 0 && e >= value.length()) {
            return true;
        }
        boolean leftBound = s == 0 || ELEMENT_BOUNDS.indexOf(value.charAt(s - 1)) >= 0;
        boolean rightBound = e >= value.length() || ELEMENT_BOUNDS.indexOf(value.charAt(e)) >= 0;
        if (leftBound && rightBound) {
            return true;
        }
        for (int i = s; i < e && i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                return true;
            }
        }
        return false;
    }
}
