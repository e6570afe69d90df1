package dev.pincer.inspection.request;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.FormPairs;
import dev.pincer.inspection.internal.InputCollector;
import dev.pincer.inspection.internal.PercentDecoder;

/**
 * PATH and QUERY inputs from a request-target. The path is what follows the authority of an
 * absolute-form target, or the whole target before {@code ?} otherwise; each non-empty segment
 * between {@code /} is one input named by its position (0-based), percent-decoded once ({@code +}
 * stays {@code +}). A {@code .} segment ({@code %2e} too), which the application normalises away,
 * is skipped without taking a position or any of the input budget. The query is everything after
 * the first {@code ?}, split by {@link FormPairs}. Asterisk-form ({@code *}) has no inputs. A
 * segment with path parameters ({@code ;name=value}) also gives the segment without them and each
 * parameter's value, as the application reads them. Nothing else is normalised: {@code ..} and {@code %2F} stay inside their segment, and a {@code #} is kept
 * as data.
 *
 * <p>Example: {@code http://h/a/%2e%2e//b?x=1} gives {@code PATH 0 "a"}, {@code PATH 1 "%2e%2e" ".."},
 * {@code PATH 2 "b"} and {@code QUERY x "1"}.
 */
final class TargetInputs {
    private TargetInputs() {
    }

    static boolean extract(String target, InputCollector out) {
        if (target.equals("*")) {
            return true;
        }
        int len = target.length();
        int q = target.indexOf('?');
        int pathEnd = q < 0 ? len : q;
        if (!segments(target, pathStart(target, pathEnd), pathEnd, out)) {
            return false;
        }
        return q < 0 || FormPairs.parse(target, q + 1, len, InputSource.QUERY, out);
    }

    private static boolean segments(String t, int from, int to, InputCollector out) {
        int index = 0;
        int i = from;
        while (i < to) {
            int end = i;
            while (end < to && t.charAt(end) != '/') {
                end++;
            }
            if (end > i && !isDot(t, i, end)) {
                String raw = out.value(t, i, end);
                String name = Integer.toString(index++);
                if (!out.add(InputSource.PATH, name, raw, PercentDecoder.decode(raw, false))
                        || raw.indexOf(';') >= 0 && !parameters(raw, name, out)) {
                    return false;
                }
            }
            i = end + 1;
        }
        return true;
    }

    /**
     * A segment with path parameters ({@code 1;jsessionid=x}, {@code cars;color=red}): the server
     * strips them before the application reads the segment (Tomcat, Spring's {@code @PathVariable}),
     * and Spring's {@code @MatrixVariable} reads their values, so the segment without them is an
     * input (named as the segment) and so is each parameter's value (named {@code index;name}).
     */
    private static boolean parameters(String raw, String name, InputCollector out) {
        int semi = raw.indexOf(';');
        String bare = raw.substring(0, semi);
        if (!bare.isEmpty() && !out.add(InputSource.PATH, name, bare, PercentDecoder.decode(bare, false))) {
            return false;
        }
        int at = semi + 1;
        while (at <= raw.length()) {
            int next = raw.indexOf(';', at);
            int end = next < 0 ? raw.length() : next;
            int eq = raw.indexOf('=', at);
            if (eq >= 0 && eq < end && eq + 1 < end) {
                String key = PercentDecoder.decode(raw.substring(at, eq), false);
                String value = raw.substring(eq + 1, end);
                if (!out.add(InputSource.PATH, out.shortName(name + ";" + key), value,
                        PercentDecoder.decode(value, false))) {
                    return false;
                }
            }
            at = end + 1;
        }
        return true;
    }

    /**
     * Whether {@code t[from, to)} is a {@code .} segment, plain or as {@code %2e}: the application
     * normalises it away (RFC 3986 section 5.2.4), so it is no input and uses none of the budget.
     */
    private static boolean isDot(String t, int from, int to) {
        return to - from == 1 ? t.charAt(from) == '.'
                : to - from == 3 && t.charAt(from) == '%' && t.charAt(from + 1) == '2'
                        && (t.charAt(from + 2) | 0x20) == 'e';
    }

    /** Where the path starts: after {@code scheme://authority} in absolute-form, else at 0. */
    private static int pathStart(String t, int pathEnd) {
        if (t.startsWith("/")) {
            return 0;
        }
        int sep = t.indexOf("://");
        if (sep <= 0 || sep >= pathEnd || !isScheme(t, sep)) {
            return 0;
        }
        int slash = t.indexOf('/', sep + 3);
        return slash < 0 || slash > pathEnd ? pathEnd : slash;
    }

    /** RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) in {@code t[0, end)}. */
    private static boolean isScheme(String t, int end) {
        for (int i = 0; i < end; i++) {
            char c = t.charAt(i);
            boolean alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            if (!alpha && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }
}
