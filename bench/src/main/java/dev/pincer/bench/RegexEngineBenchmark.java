package dev.pincer.bench;

import dev.pincer.signatures.regex.Regex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The regex engines for {@code @rx} on the Core Rule Set: every distinct {@code @rx} pattern of
 * CRS v4.28's paranoia-level-1 request rules (the rules before each file's first
 * {@code @lt 2 ... skipAfter}) run over every value of one request, with no prefilter and no
 * transformation. One operation is one request: {@code patterns x values} finds.
 *
 * <ul>
 *   <li>{@code safere}: Pincer's {@link Regex} (SafeRE, ModSecurity semantics), the production
 *       engine;</li>
 *   <li>{@code re2j}: Google's RE2 port, linear too;</li>
 *   <li>{@code jdk}: {@code java.util.regex} (backtracking), DOTALL; patterns it cannot compile as
 *       written are left out of its run (set-up prints how many).</li>
 * </ul>
 * Samples: {@code api}, a JSON API GET ({@code /api/v1/orders?...} with 5 arguments, 6 headers);
 * {@code browser}, a browser page load (a search query, 12 headers with cookies).
 *
 * <p>The CRS tree is read from {@code -Dpincer.crs.dir}, else {@code ../shared/crs} from the
 * working directory (the repository root). Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -Dpincer.crs.dir=../shared/crs -jar bench/target/benchmarks.jar RegexEngineBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RegexEngineBenchmark {

    @Param({"safere", "re2j", "jdk"})
    public String engine;

    @Param({"api", "browser"})
    public String sample;

    private List<Predicate<String>> finders;
    private String[] values;

    static final String[] API = {
        "/api/v1/orders", "customer_id=48213&status=shipped&sort=-created_at&limit=50&fields=id,total,items",
        "48213", "shipped", "-created_at", "50", "id,total,items",
        "api.example.com", "application/json", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0ODIxMyJ9.Zm9vYmFy",
        "okhttp/4.12.0", "gzip", "3f2a9c1e-7d4b-4e8a-9b1c-2d5e6f708192"};

    static final String[] BROWSER = {
        "/search", "q=running+shoes+size+44&page=2", "running shoes size 44", "2",
        "shop.example.com",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
        "en-US,en;q=0.9,de;q=0.8", "gzip, deflate, br, zstd", "https://shop.example.com/search?q=running+shoes&page=1",
        "keep-alive", "1", "document", "navigate", "same-origin", "?1",
        "_ga=GA1.2.1234567890.1700000000; sessionid=6f1d2c9a0b7e4f3a; theme=dark; cart=3",
        "GA1.2.1234567890.1700000000", "6f1d2c9a0b7e4f3a", "dark", "3"};

    @Setup(Level.Trial)
    public void setUp() {
        List<String> patterns = pl1Patterns(crsRules());
        finders = new ArrayList<>();
        int skipped = 0;
        for (String p : patterns) {
            try {
                finders.add(switch (engine) {
                    case "safere" -> Regex.compile(p)::find;
                    case "re2j" -> {
                        com.google.re2j.Pattern re = com.google.re2j.Pattern.compile(p,
                                com.google.re2j.Pattern.DOTALL);
                        yield s -> re.matcher(s).find();
                    }
                    case "jdk" -> {
                        java.util.regex.Pattern re = java.util.regex.Pattern.compile(p,
                                java.util.regex.Pattern.DOTALL);
                        yield s -> re.matcher(s).find();
                    }
                    default -> throw new IllegalArgumentException(engine);
                });
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        values = sample.equals("api") ? API : BROWSER;
        System.out.printf("%n%s: %d PL1 patterns (%d not compiled), %d values%n", engine, finders.size(),
                skipped, values.length);
    }

    @Benchmark
    public int request() {
        int matches = 0;
        for (Predicate<String> f : finders) {
            for (String v : values) {
                if (f.test(v)) {
                    matches++;
                }
            }
        }
        return matches;
    }

    static Path crsRules() {
        String dir = System.getProperty("pincer.crs.dir", "../shared/crs");
        return Path.of(dir).resolve("rules");
    }

    /** Distinct {@code @rx} patterns of the PL1 part of every {@code REQUEST-*.conf}. */
    static List<String> pl1Patterns(Path rules) {
        java.util.regex.Pattern rx = java.util.regex.Pattern.compile(
                "SecRule\\s+\\S+\\s+\"@rx ((?:[^\"\\\\]++|\\\\.)*+)\"");
        Set<String> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("REQUEST-.*\\.conf")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1).replaceAll("\\\\\r?\n", "");
                for (String line : text.split("\n")) {
                    if (line.contains("@lt 2") && line.contains("DETECTION_PARANOIA_LEVEL")) {
                        break;
                    }
                    java.util.regex.Matcher m = rx.matcher(line);
                    if (m.find()) {
                        out.add(m.group(1).replace("\\\"", "\""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no @rx pattern found under " + rules.toAbsolutePath());
        }
        return new ArrayList<>(out);
    }
}
