package dev.pincer.proxy.guard;

import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;

/**
 * Runs every analyzer on a representative attack before sensors connect. The first SQL check
 * otherwise loads and links the SQL parser on the verdict path and takes longer than a sensor's
 * verdict timeout (50 ms), so the very first attack after a start would pass by fail-open.
 */
final class AnalyzerWarmup {
    private static final int ROUNDS = 50;

    private AnalyzerWarmup() {
    }

    static void run(Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        for (int i = 0; i < ROUNDS; i++) {
            judge(analyzers, SinkKind.SQL, "x' OR '1'='1", "SELECT a FROM t WHERE b = 'x' OR '1'='1'");
            judge(analyzers, SinkKind.EXEC, "a;id", "sh", "-c", "echo a;id");
            judge(analyzers, SinkKind.FILE, "../etc/passwd", "/srv/../etc/passwd", "/etc/passwd", "read");
            judge(analyzers, SinkKind.URL, "http://127.0.0.1/", "http://127.0.0.1/");
            judge(analyzers, SinkKind.REDIRECT, "//evil.example/", "//evil.example/");
            judge(analyzers, SinkKind.LDAP, "*)(uid=*", "(&(uid=*)(uid=*))", "dc=example");
            judge(analyzers, SinkKind.XPATH, "' or '1'='1", "//user[name='' or '1'='1']");
            judge(analyzers, SinkKind.DESERIALIZE, "", "java.lang.String");
            judge(analyzers, SinkKind.JNDI, "", "java:comp/env/jdbc/db");
        }
    }

    private static void judge(Map<SinkKind, List<SinkAnalyzer>> analyzers, SinkKind kind, String input,
                              String... args) {
        RequestInputs inputs = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", input)), null, false);
        SinkCall call = new SinkCall("", kind, List.of(args), Map.of("request.host", "app.example"), "");
        for (SinkAnalyzer a : analyzers.getOrDefault(kind, List.of())) {
            a.analyze(call, inputs);
        }
    }
}
