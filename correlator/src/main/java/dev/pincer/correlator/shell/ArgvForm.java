package dev.pincer.correlator.shell;

import dev.pincer.correlator.sink.SinkCall;
import java.util.List;

/**
 * How the app handed the command to the JDK, from the sensor's attributes: {@code exec.form=string}
 * with {@code exec.command=<the original string>} for {@code Runtime.exec(String)} (the JDK split it
 * on blanks, {@link SplitCommand}), anything else (or no attribute: an older sensor) an argv the app
 * built element by element ({@code ProcessBuilder}, {@code Runtime.exec(String[])}). A string form
 * whose command is missing, or does not split into the argv the sensor sent, is judged on the argv
 * joined by single spaces, which is what it splits into.
 *
 * <p>Example: attrs {@code exec.form=string}, {@code exec.command=ping -c 1 x} with argv
 * {@code [ping, -c, 1, x]} give the split command {@code ping -c 1 x}.
 */
final class ArgvForm {
    static final String FORM = "exec.form";
    static final String COMMAND = "exec.command";

    private ArgvForm() {
    }

    /** The command {@code Runtime.exec(String)} split, or null for an argv the app built itself. */
    static SplitCommand split(SinkCall call) {
        if (!"string".equals(call.attr(FORM))) {
            return null;
        }
        String command = call.attr(COMMAND);
        if (command != null) {
            SplitCommand c = SplitCommand.of(command);
            if (c.splitsInto(call.args())) {
                return c;
            }
        }
        return SplitCommand.of(String.join(" ", call.args()));
    }

    /**
     * The argv elements a program reads as options ({@link Options}), after {@code argv[0]} and
     * before a {@code --}, joined by NUL (which no element can hold); {@code at[i]} is the index of
     * the element that starts at {@code starts[i]}. Empty when there are none: the common case costs
     * no search.
     */
    record Candidates(String text, int[] starts, int[] index) {
        static Candidates of(List<String> argv) {
            int end = Options.endOfOptions(argv);
            StringBuilder b = new StringBuilder();
            int[] starts = new int[Math.max(0, end - 1)];
            int[] index = new int[starts.length];
            int n = 0;
            for (int i = 1; i < end; i++) {
                if (Options.optionLike(argv.get(i))) {
                    if (b.length() > 0) {
                        b.append('\0');
                    }
                    starts[n] = b.length();
                    index[n++] = i;
                    b.append(argv.get(i));
                }
            }
            return new Candidates(b.toString(), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(index, n));
        }

        /** The argv index of the element an occurrence starting at {@code at} begins, or -1. */
        int elementStartingAt(int at) {
            int k = java.util.Arrays.binarySearch(starts, at);
            return k >= 0 ? index[k] : -1;
        }
    }
}
