package dev.pincer.correlator.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An environment the sensor cut ({@code exec.env_truncated=N}) cannot be searched whole: with
 * request inputs and no finding in what was sent, the call is an analysis limit
 * ({@code exec_environment}), never passed as judged; a finding in what was sent still wins, and a
 * call with no request inputs is judged as before.
 */
class ExecEnvironmentLimitTest {
    private static final RequestInputs INPUTS = new RequestInputs(
            List.of(Input.plain(InputSource.QUERY, "lib", "/tmp/evil.so")), null, false);

    private static SinkCall call(String truncated, String preload) {
        Map<String, String> attrs = new HashMap<>();
        attrs.put("env.LANG", "C");
        if (truncated != null) {
            attrs.put("exec.env_truncated", truncated);
        }
        if (preload != null) {
            attrs.put("env.LD_PRELOAD", preload);
        }
        return new SinkCall("ctx", SinkKind.EXEC, List.of("/usr/bin/report"), attrs, "");
    }

    @ParameterizedTest(name = "env_truncated={0}, LD_PRELOAD={1}, inputs={2}: {3}")
    @CsvSource(nullValues = "-", value = {
        "-, -, true, allow",
        "0, -, true, allow",
        "1, -, true, limit",
        "4065, -, true, limit",
        "x, -, true, limit",
        "-1, -, true, limit",
        "1, /tmp/evil.so, true, finding",
        "1, -, false, allow",
    })
    void truncatedEnvironment(String truncated, String preload, boolean inputs, String outcome) {
        CommandInjectionAnalyzer a = new CommandInjectionAnalyzer();
        SinkCall c = call(truncated, preload);
        RequestInputs in = inputs ? INPUTS : RequestInputs.EMPTY;
        switch (outcome) {
            case "allow" -> assertNull(a.analyze(c, in));
            case "finding" -> {
                Finding f = a.analyze(c, in);
                assertNotNull(f);
                assertEquals("input sets the value of LD_PRELOAD, which changes what runs", f.reason());
            }
            default -> assertEquals(CommandInjectionAnalyzer.ENVIRONMENT_BUDGET,
                    assertThrows(AnalysisLimitException.class, () -> a.analyze(c, in)).budget());
        }
    }
}
