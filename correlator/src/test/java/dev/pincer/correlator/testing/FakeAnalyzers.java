package dev.pincer.correlator.testing;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;

/**
 * Tiny stand-ins for the real analyzers, so the server's tests do not depend on them.
 * {@code sql}: an input whose decoded value contains a quote and appears in the query is SQLi.
 * {@code deserialize}: class {@code evil.Gadget} is a gadget. {@code file}: an analyzer that
 * always throws, then one that never finds anything.
 */
public final class FakeAnalyzers {
    public static final String GADGET = "evil.Gadget";

    private FakeAnalyzers() {
    }

    public static Map<SinkKind, List<SinkAnalyzer>> all() {
        return Map.of(
                SinkKind.SQL, List.of(new QuotedInput()),
                SinkKind.DESERIALIZE, List.of(new Gadget()),
                SinkKind.FILE, List.of(new Throwing(SinkKind.FILE), new Never(SinkKind.FILE)));
    }

    /** SQLi if an input with a quote occurs verbatim in the query. */
    public static final class QuotedInput implements SinkAnalyzer {
        @Override
        public SinkKind kind() {
            return SinkKind.SQL;
        }

        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            String q = call.arg(0);
            for (Input in : inputs.inputs()) {
                String v = in.decoded();
                if (v.indexOf('\'') >= 0 && q.contains(v)) {
                    return new Finding(AttackClass.SQL_INJECTION, in, List.of("'", "OR"),
                            "input spans several SQL tokens");
                }
            }
            return null;
        }
    }

    /** Deserialization of {@link #GADGET} is an attack, whatever the request. */
    public static final class Gadget implements SinkAnalyzer {
        @Override
        public SinkKind kind() {
            return SinkKind.DESERIALIZE;
        }

        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            return GADGET.equals(call.arg(0))
                    ? new Finding(AttackClass.DESERIALIZATION, null, List.of(GADGET), "known gadget class") : null;
        }
    }

    /** Breaks the analyzer contract on purpose. */
    public record Throwing(SinkKind kind) implements SinkAnalyzer {
        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            throw new IllegalStateException("analyzer bug");
        }
    }

    public record Never(SinkKind kind) implements SinkAnalyzer {
        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            return null;
        }
    }
}
