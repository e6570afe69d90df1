package dev.pincer.correlator.shell;

import java.util.List;

/**
 * Which argv elements a program reads as options, the way {@code getopt} and its relatives do: an
 * element that starts with {@code -} and has more after it, before the first {@code --} (which
 * ends the options: everything after it is an operand). Two shapes that start with {@code -} are
 * values, not options, and are left alone: a lone {@code -} (standard input or output) and a
 * negative number ({@code -5}, {@code -0.25}), which programs take as the value of the option
 * before it ({@code ping -c -5}) or, for the few with digit options ({@code head -5}), as a count.
 *
 * <p>Example: in {@code [rm, -f, --, -rf]} only {@code -f} is an option; in
 * {@code [ssh, -oProxyCommand=x, host]} {@code -oProxyCommand=x} is one.
 */
final class Options {
    private Options() {
    }

    /** An element a program would read as an option (ignoring where a {@code --} stands). */
    static boolean optionLike(String element) {
        if (element.length() < 2 || element.charAt(0) != '-' || element.equals("--")) {
            return false;
        }
        return !negativeNumber(element);
    }

    /** {@code -5}, {@code -0.25}: a minus, digits, at most one dot between digits. */
    static boolean negativeNumber(String s) {
        boolean digit = false;
        boolean dot = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && digit && !dot) {
                dot = true;
                digit = false;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** The index of the first {@code --} after {@code argv[0]}, or {@code argv.size()} when there is none. */
    static int endOfOptions(List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            if (argv.get(i).equals("--")) {
                return i;
            }
        }
        return argv.size();
    }
}
