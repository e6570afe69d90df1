package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboard ({@code examples/grafana/pincer.json}) queries only metrics that a
 * Pincer with a correlator and every edge control configured exposes on {@code /metrics}: a renamed
 * metric breaks this test, not an operator's dashboard.
 */
class DashboardMetricsTest {
    private static final Path DASHBOARD = Path.of("..", "examples", "grafana", "pincer.json");
    private static final Pattern METRIC = Pattern.compile("\\bpincer_[a-z0-9_]+");
    private static final String TOKEN = "dashboard-test-token-0123456789";

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        Set<String> queried = queried(Files.readString(DASHBOARD));
        assertFalse(queried.isEmpty());
        MockWebServer upstream = new MockWebServer();
        upstream.start();
        try (PincerHarness pincer = PincerHarness.start(PincerHarness.yaml(
                "correlator:\n  listen: 127.0.0.1:0\n  token: " + TOKEN + "\n",
                upstream.getHostName() + ":" + upstream.getPort()))) {
            HttpResponse<String> m = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pincer.adminUri("/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, m.statusCode());
            Set<String> missing = new TreeSet<>();
            for (String name : queried) {
                if (!m.body().contains("# TYPE " + family(name) + " ")) {
                    missing.add(name);
                }
            }
            assertTrue(missing.isEmpty(), "queried by the dashboard but not in /metrics: " + missing);
        } finally {
            upstream.shutdown();
        }
    }

    /** The metric names in the dashboard's {@code expr} fields. */
    private static Set<String> queried(String json) {
        Set<String> out = new TreeSet<>();
        Matcher expr = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (expr.find()) {
            Matcher m = METRIC.matcher(expr.group(1));
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** A histogram's series ({@code _bucket}, {@code _sum}, {@code _count}) belong to its family. */
    private static String family(String series) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (series.endsWith(suffix) && !series.endsWith("_total")) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }
}
