package dev.pincer.bench;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.seclang.RuleTransaction;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.seclang.variables.HttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The safety target of issue 10: no request may cost more than 50 ms of inspection, whatever its
 * content. The worst requests the proxy's limits let through to the rule engine (CRS v4.28, PL1,
 * engine On, the default work budget), each in milliseconds per request:
 * <ul>
 *   <li>{@code lt64k}: a 64 KiB form body, one argument of {@code <} (encoded: 21 Ki chars; the input that runs
 *       {@code java.util.regex} on CRS 941160 for seconds);</li>
 *   <li>{@code lt120k}: the same, 40 Ki {@code <} (encoded) in a 120 KiB body, just inside
 *       SecRequestBodyNoFilesLimit (128 KiB), which the base rules enforce;</li>
 *   <li>{@code quotes120k}: a 120 KiB urlencoded body of 999 arguments (SecArgumentsLimit is 1,000)
 *       of quotes, parentheses and dashes (SQLi tokenizer and regex alternations);</li>
 *   <li>{@code json120k}: a 120 KiB JSON body, 999 string members of {@code <script} fragments;</li>
 *   <li>{@code headers}: 100 headers of 8 KiB total and a 4 KiB cookie of {@code ;=} runs;</li>
 *   <li>{@code uri}: an 8 KiB query string of {@code %} and {@code &} runs.</li>
 * </ul>
 * Each reports whether the work budget stopped it ({@code overBudget}: then the incomplete-request
 * policy decides it, never passed as clean).
 *
 * <pre>
 * ./pincer build &amp;&amp; ./mvnw -B -q -pl bench package -DskipTests \
 *   &amp;&amp; $JAVA_HOME/bin/java -Dpincer.crs.dir=../shared/crs -jar bench/target/benchmarks.jar CrsWorstCaseBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CrsWorstCaseBenchmark {

    @Param({"lt64k", "lt120k", "quotes120k", "json120k", "headers", "uri"})
    public String sample;

    private SecLangEngine engine;
    private HttpData request;

    @Setup
    public void setUp() throws IOException {
        engine = CrsInspectionBenchmark.load(CrsInspectionBenchmark.crsDir()).warmUp(1_500_000_000L);
        request = request(sample);
        RuleTransaction t = run();
        System.out.printf("%n%s: %d chars of work, over budget: %s, interrupted: %s%n", sample, t.work(),
                t.overBudget(), t.interruption() != null);
    }

    static HttpData request(String sample) {
        return switch (sample) {
            case "lt64k" -> post("application/x-www-form-urlencoded", "a=" + "%3C".repeat(64 * 1024 / 3));
            case "lt120k" -> post("application/x-www-form-urlencoded", "a=" + "%3C".repeat(120 * 1024 / 3));
            case "quotes120k" -> post("application/x-www-form-urlencoded", args(999, 120 * 1024, "%27%28--%29%22"));
            case "json120k" -> post("application/json", json(999, 120 * 1024));
            case "headers" -> headers();
            case "uri" -> get("/q?" + "%25%26".repeat(8 * 1024 / 6) + "=x");
            default -> throw new IllegalArgumentException(sample);
        };
    }

    private static String args(int count, int size, String unit) {
        int each = size / count - 8;
        StringBuilder s = new StringBuilder(size);
        String value = unit.repeat(Math.max(1, each / unit.length()));
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : "&").append('a').append(i).append('=').append(value);
        }
        return s.toString();
    }

    private static String json(int count, int size) {
        int each = size / count - 12;
        String value = "<script".repeat(Math.max(1, each / 7));
        StringBuilder s = new StringBuilder(size).append('{');
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append(value).append('"');
        }
        return s.append('}').toString();
    }

    private static List<HeaderField> base() {
        return new ArrayList<>(List.of(new HeaderField("Host", "shop.example.com"),
                new HeaderField("User-Agent", "Mozilla/5.0"), new HeaderField("Accept", "*/*")));
    }

    private static HttpData get(String target) {
        return new HttpData("GET", target, "HTTP/1.1", base(), "198.51.100.7", 51234, "bench", null, true);
    }

    private static HttpData headers() {
        List<HeaderField> h = base();
        for (int i = 0; i < 100; i++) {
            h.add(new HeaderField("X-H" + i, "'\"<(--".repeat(13)));
        }
        h.add(new HeaderField("Cookie", ";=".repeat(2048)));
        return new HttpData("GET", "/", "HTTP/1.1", h, "198.51.100.7", 51234, "bench", null, true);
    }

    private static HttpData post(String type, String body) {
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        List<HeaderField> h = base();
        h.add(new HeaderField("Content-Type", type));
        h.add(new HeaderField("Content-Length", Integer.toString(b.length)));
        return new HttpData("POST", "/p", "HTTP/1.1", h, "198.51.100.7", 51234, "bench", b, true);
    }

    private RuleTransaction run() {
        RuleTransaction t = engine.open(request);
        t.requestHeaders();
        t.requestBody();
        t.logging();
        return t;
    }

    @Benchmark
    public RuleTransaction inspect() {
        return run();
    }
}
