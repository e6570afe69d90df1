package dev.pincer.correlator.path;

import java.util.Arrays;

/**
 * Replays how a file system resolves a path's segments, to see whether the part an input
 * contributed climbs above the directory the path had reached before it, under one platform's
 * reading ({@link PathPlatform}: on Windows both {@code /} and {@code \} separate segments, on Unix
 * only {@code /}); {@code .} and empty segments stay put;
 * {@code ..} goes up (never above the root of an absolute path). A segment only partly made of
 * the input counts as the input's, so {@code img_} + {@code ..} is the segment {@code img_..},
 * which goes nowhere. The segments and their depths are computed once per path; each question
 * then costs a binary search plus the segments the input spans.
 *
 * <p>Example: {@code /srv/files/} + {@code a/../b} stays at depth 2 or more (fine);
 * {@code /srv/files/} + {@code ../../etc/passwd} reaches depth 0, above the base depth 2.
 */
final class PathWalk {
    private int[] start = new int[8];
    private int[] end = new int[8];
    private int[] depthAfter = new int[8];
    private boolean[] dotDot = new boolean[8];
    private int count;
    private int lead;
    private int lastSeparator = -1;

    PathWalk(String path, PathPlatform platform) {
        while (lead < path.length() && Character.isWhitespace(path.charAt(lead))) {
            lead++;
        }
        boolean absolute = platform.isAbsolute(path);
        int depth = 0;
        int i = platform.hasDrive(path) ? 2 : 0;
        while (i <= path.length()) {
            int j = i;
            while (j < path.length() && !platform.isSep(path.charAt(j))) {
                j++;
            }
            boolean up = j - i == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.';
            boolean stay = j == i || (j - i == 1 && path.charAt(i) == '.');
            depth = up ? (absolute ? Math.max(0, depth - 1) : depth - 1) : stay ? depth : depth + 1;
            add(i, j, depth, up);
            if (j < path.length()) {
                lastSeparator = j;
            }
            i = j + 1;
        }
    }

    private void add(int s, int e, int depth, boolean up) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            end = Arrays.copyOf(end, count * 2);
            depthAfter = Arrays.copyOf(depthAfter, count * 2);
            dotDot = Arrays.copyOf(dotDot, count * 2);
        }
        start[count] = s;
        end[count] = e;
        depthAfter[count] = depth;
        dotDot[count] = up;
        count++;
    }

    /** The index of the path's first non-blank character. */
    int lead() {
        return lead;
    }

    /** The index of the path's last separator, or -1. */
    int lastSeparator() {
        return lastSeparator;
    }

    /** True when a {@code ..} among the segments overlapping {@code [s, e)} goes above the depth before them. */
    boolean climbsAbove(int s, int e) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int base = lo == 0 ? 0 : depthAfter[lo - 1];
        for (int k = lo; k < count && start[k] < e; k++) {
            if (dotDot[k] && depthAfter[k] < base) {
                return true;
            }
        }
        return false;
    }

    /** {@code C:} at the start. */
    static boolean hasDrive(String p) {
        return p.length() >= 2 && p.charAt(1) == ':' && isAsciiLetter(p.charAt(0));
    }

    /** Either separator: for the search forms of an input ({@link AppPathForm}), not for judging. */
    static boolean isSep(char c) {
        return c == '/' || c == '\\';
    }

    static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
