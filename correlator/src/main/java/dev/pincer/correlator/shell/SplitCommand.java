package dev.pincer.correlator.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The argv that {@code Runtime.exec(String)} makes of a command string: the JDK splits it with a
 * {@code java.util.StringTokenizer} on {@code " \t\n\r\f"}, with no shell and no quoting (so
 * {@code 'a b'} is two elements, {@code 'a} and {@code b'}). An input in such a string is judged
 * by how it changes the argv's shape, compared with the same command holding a harmless one-word
 * value in its place: it adds elements (argument injection: a blank, tab or line break in the
 * input), or it starts an element with {@code -} ({@link Options}: option injection, such as
 * {@code --output=/etc/x} or {@code -oProxyCommand=...}), unless an element {@code --} written by
 * the app stands before it. Linear in the occurrence.
 *
 * <p>Example: in {@code ping -c 1 8.8.8.8 -oX} (the app wrote {@code "ping -c 1 " + host}) the input
 * {@code 8.8.8.8 -oX} adds an element; {@code -oX} alone starts one with {@code -}; {@code 8.8.8.8}
 * does neither.
 */
final class SplitCommand {
    /** {@code StringTokenizer}'s default delimiters, exactly: no other whitespace splits. */
    static final String DELIMITERS = " \t\n\r\f";

    private final String command;
    private final List<String> elements = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();

    private SplitCommand(String command) {
        this.command = command;
        int n = command.length();
        for (int i = 0; i < n; i++) {
            if (start(i)) {
                int j = i;
                while (j < n && !delimiter(command.charAt(j))) {
                    j++;
                }
                starts.add(i);
                elements.add(command.substring(i, j));
                i = j;
            }
        }
    }

    static SplitCommand of(String command) {
        return new SplitCommand(command);
    }

    String command() {
        return command;
    }

    /** True when the command splits into exactly {@code argv}: the sensor's report is consistent. */
    boolean splitsInto(List<String> argv) {
        return elements.equals(argv);
    }

    /**
     * Why the occurrence {@code [s, e)} of an input changes the argv's shape, or null when it stays
     * inside the element a one-word value would have filled.
     */
    String judge(int s, int e) {
        int actual = 0;
        for (int i = s; i <= e && i < command.length(); i++) {
            if (start(i)) {
                actual++;
            }
        }
        int placeholder = s == 0 || delimiter(command.charAt(s - 1)) ? 1 : 0;
        if (actual > placeholder) {
            int added = actual - placeholder;
            return "input adds " + added + " argument" + (added == 1 ? "" : "s")
                    + " to the command Runtime.exec(String) splits on blanks (argument injection)";
        }
        int endOfOptions = Options.endOfOptions(elements);
        int optionsEndAt = endOfOptions < elements.size() ? starts.get(endOfOptions) : Integer.MAX_VALUE;
        for (int i = s; i < e; i++) {
            if (!start(i) || command.charAt(i) != '-' || s - optionsEndAt >= 2) {
                continue;
            }
            int k = index(i);
            if (k > 0 && Options.optionLike(elements.get(k))) {
                return "input starts argument " + k + " with '-' (option injection)";
            }
        }
        return null;
    }

    /** The element starting at {@code at}. */
    private int index(int at) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private boolean start(int i) {
        return !delimiter(command.charAt(i)) && (i == 0 || delimiter(command.charAt(i - 1)));
    }

    static boolean delimiter(char c) {
        return DELIMITERS.indexOf(c) >= 0;
    }
}
