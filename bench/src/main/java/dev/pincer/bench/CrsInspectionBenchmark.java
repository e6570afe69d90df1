package dev.pincer.bench;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.seclang.RuleTransaction;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.signatures.builtin.BuiltInRules;
import dev.pincer.signatures.lang.Directive;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The rule engine's time to inspect one request with the OWASP CRS v4.28 at paranoia level 1
 * (crs-setup.conf.example, Pincer's base rules, every rules/*.conf), engine On, nothing matching:
 * phases 1 and 2, the response head (phase 3) and phase 5, as the proxy runs them. Samples, as
 * issue 10 names them: {@code get}, a typical GET with 5 query arguments and 12 headers;
 * {@code form}, a 4 KiB urlencoded POST; {@code json}, a 4 KiB JSON POST; {@code multipart}, a
 * 64 KiB multipart upload (one text field, one 60 KiB file).
 *
 * <pre>
 * ./pincer build &amp;&amp; ./mvnw -B -q -pl bench package -DskipTests \
 *   &amp;&amp; $JAVA_HOME/bin/java -Dpincer.crs.dir=../shared/crs -jar bench/target/benchmarks.jar CrsInspectionBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CrsInspectionBenchmark {

    /**
     * The samples; a {@code -fresh} one gives every run new argument values (and, for the GET, a
     * new session cookie and referer), as different users of one app send, so that only names
     * and the browser's headers recur from one request to the next (see the engine's value memo).
     */
    @Param({"get", "form", "json", "multipart", "get-fresh", "form-fresh", "json-fresh"})
    public String sample;

    private SecLangEngine engine;
    private HttpData request;
    private int runs;
    private static final List<HeaderField> RESPONSE = List.of(new HeaderField("Content-Type", "text/html"),
            new HeaderField("Content-Length", "1024"));

    @Setup
    public void setUp() throws IOException {
        engine = load(crsDir()).warmUp(1_500_000_000L);  // as the proxy does: a cold first run can exceed the time budget
        runs = sample.endsWith("-fresh") ? 1 : 0;
        request = request(sample, runs);
        RuleTransaction t = run();
        String score = t.tx().get("blocking_inbound_anomaly_score");
        if (t.interruption() != null || t.overBudget() || score == null || !score.equals("0")) {
            throw new IllegalStateException(sample + " is not benign to CRS (score " + score + "): " + t.matches()
                    .stream().filter(m -> m.rule().tags().stream().anyMatch(g -> g.startsWith("attack-")))
                    .map(m -> m.rule().id() + " " + m.message()).toList());
        }
    }

    static Path crsDir() {
        Path dir = Path.of(System.getProperty("pincer.crs.dir", "../shared/crs"));
        if (!Files.isDirectory(dir.resolve("rules"))) {
            throw new IllegalStateException("no CRS tree at " + dir.toAbsolutePath() + " (set -Dpincer.crs.dir)");
        }
        return dir;
    }

    static SecLangEngine load(Path crs) throws IOException {
        List<Directive> all = new ArrayList<>(BuiltInRules.base());
        all.addAll(RuleFileParser.parse(crs.resolve("crs-setup.conf.example")));
        try (Stream<Path> s = Files.list(crs.resolve("rules"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
                all.addAll(RuleFileParser.parse(f));
            }
        }
        return SecLangEngine.create(RuleSetCompiler.compile(all));
    }

    private static List<HeaderField> browserHeaders(String... more) {
        List<HeaderField> h = new ArrayList<>(List.of(
                new HeaderField("Host", "shop.example.com"),
                new HeaderField("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
                new HeaderField("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"),
                new HeaderField("Accept-Language", "en-US,en;q=0.9,de;q=0.8"),
                new HeaderField("Accept-Encoding", "gzip, deflate, br"),
                new HeaderField("Referer", "https://shop.example.com/search?q=running+shoes&page=1"),
                new HeaderField("Connection", "keep-alive"),
                new HeaderField("Upgrade-Insecure-Requests", "1"),
                new HeaderField("Sec-Fetch-Dest", "document"),
                new HeaderField("Sec-Fetch-Mode", "navigate"),
                new HeaderField("Sec-Fetch-Site", "same-origin"),
                new HeaderField("Cookie", "session=3f2a9c1e7d4b4e8a; theme=dark; consent=yes")));
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.add(new HeaderField(more[i], more[i + 1]));
        }
        return h;
    }

    static HttpData request(String sample) {
        return request(sample, 0);
    }

    /** {@code sample}; a {@code -fresh} one with the values of run {@code run}. */
    static HttpData request(String sample, int run) {
        String fresh = run == 0 ? "" : Integer.toString(run);
        return switch (sample) {
            case "get" -> get("");
            case "get-fresh" -> get(fresh);
            case "form" -> post("application/x-www-form-urlencoded", form(4096, ""));
            case "form-fresh" -> post("application/x-www-form-urlencoded", form(4096, fresh));
            case "json" -> post("application/json", json(4096, ""));
            case "json-fresh" -> post("application/json", json(4096, fresh));
            case "multipart" -> multipart();
            default -> throw new IllegalArgumentException(sample);
        };
    }

    private static HttpData get(String fresh) {
        List<HeaderField> headers = browserHeaders();
        if (!fresh.isEmpty()) {
            headers.replaceAll(h -> switch (h.name()) {
                case "Cookie" -> new HeaderField("Cookie", "session=3f2a9c1e" + fresh + "; theme=dark; consent=yes");
                case "Referer" -> new HeaderField("Referer", "https://shop.example.com/search?q=running+shoes&page=" + fresh);
                default -> h;
            });
        }
        return new HttpData("GET", "/search?q=running+shoes" + fresh + "&size=44&color=blue&page=2" + fresh + "&sort=price",
                "HTTP/1.1", headers, "198.51.100.7", 51234, "bench", null, true);
    }

    private static HttpData post(String type, String body) {
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        return new HttpData("POST", "/account/profile", "HTTP/1.1",
                browserHeaders("Content-Type", type, "Content-Length", Integer.toString(b.length)),
                "198.51.100.7", 51234, "bench", b, true);
    }

    /** A 64 KiB urlencoded POST, for the work-budget figure. */
    static HttpData form64k() {
        return post("application/x-www-form-urlencoded", form(64 * 1024, ""));
    }

    /** About {@code size} bytes of {@code fieldN=...} pairs, each value ending in {@code fresh}. */
    private static String form(int size, String fresh) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < size; i++) {
            s.append(i == 0 ? "" : "&").append("field").append(i).append('=')
                    .append("some+ordinary+text+value+number+").append(i).append(fresh.isEmpty() ? "" : "+" + fresh);
        }
        return s.substring(0, size);
    }

    /** About {@code size} bytes of items; with {@code fresh} (a run number), every value holds it. */
    private static String json(int size, String fresh) {
        long run = fresh.isEmpty() ? 0 : Long.parseLong(fresh) * 1000;
        StringBuilder s = new StringBuilder("{\"items\":[");
        for (int i = 0; s.length() < size - 64; i++) {
            s.append(i == 0 ? "" : ",").append("{\"id\":").append(run + i).append(",\"name\":\"ordinary item ")
                    .append(i).append(fresh.isEmpty() ? "" : " " + fresh).append("\",\"qty\":")
                    .append(run + i % 7 + 1).append('}');
        }
        return s.append("],\"note\":\"deliver after noon\"}").toString();
    }

    private static HttpData multipart() {
        String boundary = "----PincerBench7d4b4e8a";
        StringBuilder s = new StringBuilder();
        s.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n")
                .append("Holiday photos\r\n");
        s.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n");
        StringBuilder file = new StringBuilder();
        while (file.length() < 60 * 1024) {
            file.append("These are plain notes about the trip, line ").append(file.length()).append(".\r\n");
        }
        s.append(file).append("\r\n--").append(boundary).append("--\r\n");
        byte[] b = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new HttpData("POST", "/upload", "HTTP/1.1",
                browserHeaders("Content-Type", "multipart/form-data; boundary=" + boundary,
                        "Content-Length", Integer.toString(b.length)), "198.51.100.7", 51234, "bench", b, true);
    }

    private RuleTransaction run() {
        if (sample.endsWith("-fresh")) {
            request = request(sample, ++runs);
        }
        RuleTransaction t = engine.open(request);
        t.requestHeaders();
        t.requestBody();
        t.responseHeaders(200, "HTTP/1.1", RESPONSE);
        t.logging();
        return t;
    }

    /**
     * A warmed engine over CRS ({@link #crsDir}) and a task that inspects {@code sample} once per
     * run, checked benign first: what {@link EngineAb} compares across builds.
     */
    static Runnable runner(String sample) throws IOException {
        CrsInspectionBenchmark b = new CrsInspectionBenchmark();
        b.sample = sample;
        b.setUp();
        return b::run;
    }

    @Benchmark
    public RuleTransaction inspect() {
        return run();
    }
}
