package dev.pincer.correlator.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exec drift per policy: data-driven over policy, argv[0], exe.sha256, exe.path. */
class ExecDriftAnalyzerTest {
    private static final String KNOWN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final ExecBaseline BASELINE = new ExecBaseline(List.of(
            new ExecBaseline.Entry(KNOWN, "/usr/bin/convert", null),
            new ExecBaseline.Entry(KNOWN, "/usr/bin/magick", "/usr/bin/convert")));

    @ParameterizedTest(name = "{0} {1} sha={2} path={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
        "ALLOW,    /tmp/x,           -,       -,                 allow",
        "DENY,     /usr/bin/convert, KNOWN,   /usr/bin/convert,  block",
        "DENY,     ls,               -,       -,                 block",
        "BASELINE, /usr/bin/convert, KNOWN,   /usr/bin/convert,  allow",
        "BASELINE, convert,          KNOWN,   /usr/bin/convert,  allow",
        "BASELINE, /usr/bin/convert, OTHER,   /usr/bin/convert,  block",
        "BASELINE, /tmp/x,           OTHER,   /tmp/x,            block",
        "BASELINE, /usr/bin/magick,  '',      /usr/bin/magick,   allow",
        "BASELINE, /tmp/x,           '',      /tmp/x,            block",
        "BASELINE, /usr/bin/convert, -,       -,                 allow",
        "BASELINE, /tmp/evil,        -,       -,                 block",
        "BASELINE, evil,             -,       -,                 block",
        "BASELINE, evil,             ' ',     ' ',               block",
        "BASELINE, /usr/bin/convert, KNOWN_UPPER, -,             allow",
    })
    void verdict(ExecPolicy policy, String argv0, String sha, String path, String expect) {
        Map<String, String> attrs = new HashMap<>();
        if (sha != null) {
            attrs.put("exe.sha256", sha.equals("KNOWN") ? KNOWN : sha.equals("OTHER") ? OTHER
                    : sha.equals("KNOWN_UPPER") ? KNOWN.toUpperCase() : sha);
        }
        if (path != null) {
            attrs.put("exe.path", path);
        }
        SinkCall call = new SinkCall("", SinkKind.EXEC, List.of(argv0, "-v"), attrs, "");
        Finding f = new ExecDriftAnalyzer(policy, BASELINE).analyze(call, RequestInputs.EMPTY);
        if (expect.equals("allow")) {
            assertNull(f);
        } else {
            assertEquals("exec_drift", f.attackClass().label());
            assertNull(f.input());
        }
    }

    @ParameterizedTest
    @CsvSource({"BASELINE"})
    void baselinePolicyNeedsABaseline(ExecPolicy policy) {
        assertThrows(NullPointerException.class, () -> new ExecDriftAnalyzer(policy, null));
    }
}
