package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.DemoApp;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.Http.Reply;
import dev.pincer.e2e.harness.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sensor with its correlator unreachable (PINCER_CORRELATOR names a closed port): fail-open
 * lets a command injection run and says so on the app's stderr; fail-closed stops it before the
 * process starts. The app is called directly: exec is checked even without a request context, so
 * no proxy is needed to reach the decision.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class FailModeIT {
    private static final Pattern FAIL_OPEN_LINE = Pattern.compile("fail[_ -]?open", Pattern.CASE_INSENSITIVE);
    private final Http http = new Http();
    private Path markers;

    @Parameter
    Container container;

    @BeforeEach
    void markers() throws Exception {
        markers = Files.createTempDirectory("pincer-e2e-failmode-");
    }

    @AfterEach
    void clean() throws Exception {
        try (var files = Files.list(markers)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(markers);
    }

    @Test
    void failOpenLetsTheSinkRunAndLogsIt() throws Exception {
        Path marker = markers.resolve("pwned-open");
        try (DemoApp app = unreachable("open")) {
            Reply r = http.get(app.base(), "/vuln/exec?host=" + Http.encode("127.0.0.1; touch " + marker));
            assertNotEquals(403, r.status(), "fail-open blocked the call: " + r);
            assertTrue(Files.exists(marker), "fail-open: the command did not run: " + r + "\n" + app.output());
            assertTrue(waitForLine(app, FAIL_OPEN_LINE), "no fail-open line on the app's stderr\n" + app.output());
        }
    }

    @Test
    void failClosedStopsTheSink() throws Exception {
        Path marker = markers.resolve("pwned-closed");
        try (DemoApp app = unreachable("closed")) {
            Reply r = http.get(app.base(), "/vuln/exec?host=" + Http.encode("127.0.0.1; touch " + marker));
            assertFalse(Files.exists(marker), "fail-closed: the command ran: " + r + "\n" + app.output());
            assertTrue(r.status() == 403 || r.status() >= 500,
                    "fail-closed: expected 403 from the sensor or an app error, got " + r);
        }
    }

    private DemoApp unreachable(String failMode) throws Exception {
        int closed = DemoApp.freePort();
        return DemoApp.start(container, Repo.sensorJar(), 0, Map.of(
                "PINCER_CORRELATOR", "127.0.0.1:" + closed,
                "PINCER_TOKEN", "an-e2e-token-nobody-checks-0123",
                "PINCER_FAIL", failMode));
    }

    /** The sensor may log asynchronously: give it a moment. */
    private static boolean waitForLine(DemoApp app, Pattern p) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<String> err = app.stderr();
            if (err.stream().anyMatch(l -> p.matcher(l).find())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
