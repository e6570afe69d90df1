package dev.pincer.bench;

import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What body sniffing costs at the edge: the same 2 KiB JSON document extracted when it is declared
 * ({@code application/json}), when its declared type has no processor and the bytes are sniffed
 * ({@code application/jsonx}, {@code text/plain}), and a body no processor accepts, kept as raw
 * text only. {@code formDeclared} and {@code formSniffedAsText} do the same for an urlencoded form.
 * Each extraction is the whole request (path, query, headers and body), as the proxy runs it once
 * per request.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar InputExtractionBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class InputExtractionBenchmark {
    private static final InputExtractor EXTRACTOR = new InputExtractor(InspectionLimits.DEFAULT);
    private static final BodyPrefix JSON = body(json());
    private static final BodyPrefix FORM = body(form());
    private static final BodyPrefix BINARY = body(binary());

    private static String json() {
        StringBuilder sb = new StringBuilder("{\"order\":{\"id\":4711,\"items\":[");
        for (int i = 0; sb.length() < 2000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"sku\":\"A-").append(i).append("\",\"qty\":").append(i % 7)
                    .append(",\"note\":\"gift wrap, please; leave at the door\"}");
        }
        return sb.append("]},\"customer\":\"O'Brien\"}").toString();
    }

    private static String form() {
        StringBuilder sb = new StringBuilder("name=O%27Brien&email=ob%40example.org");
        for (int i = 0; sb.length() < 2000; i++) {
            sb.append("&item").append(i).append("=A-").append(i).append("+gift+wrap");
        }
        return sb.toString();
    }

    private static String binary() {
        char[] c = new char[2048];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (0x80 + (i * 31) % 0x7f);
        }
        return new String(c);
    }

    private static BodyPrefix body(String s) {
        return new BodyPrefix(s.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    private static RequestHead head(String type) {
        return new RequestHead("POST", "/api/orders?session=abc123&lang=en", List.of(
                new HeaderField("Host", "shop.example"),
                new HeaderField("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"),
                new HeaderField("Accept", "application/json"),
                new HeaderField("Cookie", "sid=6f1d2c; theme=dark"),
                new HeaderField("Content-Type", type)));
    }

    private static final RequestHead JSON_HEAD = head("application/json");
    private static final RequestHead JSONX_HEAD = head("application/jsonx");
    private static final RequestHead TEXT_HEAD = head("text/plain");
    private static final RequestHead FORM_HEAD = head("application/x-www-form-urlencoded");
    private static final RequestHead OCTET_HEAD = head("application/octet-stream");

    @Benchmark
    public RequestInputs jsonDeclared() {
        return EXTRACTOR.extract(JSON_HEAD, JSON);
    }

    @Benchmark
    public RequestInputs jsonSniffedFromJsonx() {
        return EXTRACTOR.extract(JSONX_HEAD, JSON);
    }

    @Benchmark
    public RequestInputs jsonSniffedFromText() {
        return EXTRACTOR.extract(TEXT_HEAD, JSON);
    }

    @Benchmark
    public RequestInputs formDeclared() {
        return EXTRACTOR.extract(FORM_HEAD, FORM);
    }

    @Benchmark
    public RequestInputs formSniffedAsText() {
        return EXTRACTOR.extract(TEXT_HEAD, FORM);
    }

    @Benchmark
    public RequestInputs binaryKeptRaw() {
        return EXTRACTOR.extract(OCTET_HEAD, BINARY);
    }
}
