package dev.pincer.correlator.analyzer.internal;

import dev.pincer.inspection.input.Input;

/**
 * Where one form of an input occurs in a sink argument: {@code [start, end)}.
 *
 * <p>Example: input {@code id=1 or 1=1} in {@code SELECT * FROM t WHERE id = 1 or 1=1} is
 * {@code Hit(id, 27, 35)}.
 */
public record Hit(Input input, int start, int end) {
    /** The occurrence's text in {@code arg}. */
    public String text(String arg) {
        return arg.substring(start, end);
    }

    /** True for a one-character occurrence (judged by the sink's anomalies only). */
    public boolean single() {
        return end - start == 1;
    }
}
