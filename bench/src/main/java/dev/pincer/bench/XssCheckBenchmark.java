package dev.pincer.bench;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.xss.MarkupInputs;
import dev.pincer.correlator.xss.XssAnalyzer;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
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
 * What the reflected-XSS check costs a request, on the proxy's event loop. {@code notHeld}: the
 * test every HTML response pays, whether any of a browser request's inputs (query, eight headers,
 * cookies) carries markup; none does, so the response streams unheld. The {@code held*} cases
 * judge a 64 KiB page (the default {@code xss_prefix_bytes}) for a request whose search input
 * carries markup: it does not occur ({@code heldNoEcho}: one occurrence search), it occurs as
 * harmless text ({@code heldTextEcho}: search and tokenizer, the worst ordinary case), it is
 * reflected escaped ({@code heldEscaped}), or it is an attack reflected near the top
 * ({@code heldAttack}).
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar XssCheckBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class XssCheckBenchmark {
    private static final XssAnalyzer ANALYZER = new XssAnalyzer();
    private static final RequestInputs PLAIN = inputs("running shoes");
    private static final RequestInputs APOSTROPHE = inputs("O'Brien");
    private static final RequestInputs ATTACK = inputs("<img src=x onerror=alert(1)>");
    private static final String PAGE_NO_ECHO = page("running shoes");
    private static final String PAGE_TEXT_ECHO = page("O'Brien");
    private static final String PAGE_ESCAPED = page("&lt;img src=x onerror=alert(1)&gt;");
    private static final String PAGE_ATTACK = page("<img src=x onerror=alert(1)>");

    private static RequestInputs inputs(String q) {
        List<Input> in = new ArrayList<>();
        in.add(new Input(InputSource.PATH, "1", "search", "search"));
        in.add(new Input(InputSource.QUERY, "q", q, q));
        in.add(new Input(InputSource.QUERY, "page", "2", "2"));
        String[][] headers = {{"user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"},
            {"accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            {"accept-language", "en-US,en;q=0.5"}, {"accept-encoding", "gzip, deflate, br, zstd"},
            {"referer", "https://shop.example/search?q=shoes&page=1"}, {"sec-fetch-dest", "document"},
            {"sec-fetch-mode", "navigate"}, {"upgrade-insecure-requests", "1"}};
        for (String[] h : headers) {
            in.add(new Input(InputSource.HEADER, h[0], h[1], h[1]));
        }
        in.add(new Input(InputSource.COOKIE, "sid", "6f1d2c9a0b", "6f1d2c9a0b"));
        in.add(new Input(InputSource.COOKIE, "theme", "dark", "dark"));
        return new RequestInputs(in, null, false);
    }

    /** A 64 KiB shop results page: head, scripts, a style sheet, forms, 200 product cards; {@code q} echoed near the top. */
    private static String page(String q) {
        StringBuilder b = new StringBuilder(70_000);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Search</title>")
                .append("<link rel=\"stylesheet\" href=\"/css/site.css\"><style>.card{display:flex;margin:4px}")
                .append(".card a{color:#333}</style><script>window.dataLayer=[];function track(e){dataLayer.push(e)}")
                .append("</script></head><body><header><form action=\"/search\" method=\"get\">")
                .append("<input type=\"search\" name=\"q\" value=\"\"><button>Go</button></form></header>")
                .append("<main><h1>Results for ").append(q).append("</h1><ul class=\"results\">");
        for (int i = 0; b.length() < 64 * 1024 - 400; i++) {
            b.append("<li class=\"card\"><a href=\"/p/").append(1000 + i).append("\" onclick=\"track('card-")
                    .append(i).append("')\"><img src=\"/img/").append(1000 + i).append(".jpg\" alt=\"Product ")
                    .append(i).append("\"><span>Product ").append(i).append(" &ndash; &euro;").append(10 + i % 90)
                    .append(".99</span></a><!-- sku ").append(i).append(" --></li>");
        }
        return b.append("</ul></main><footer>&copy; shop</footer></body></html>").toString();
    }

    @Benchmark
    public boolean notHeld() {
        return MarkupInputs.any(PLAIN);
    }

    @Benchmark
    public Finding heldNoEcho() {
        return ANALYZER.analyze(PAGE_NO_ECHO, APOSTROPHE);
    }

    @Benchmark
    public Finding heldTextEcho() {
        return ANALYZER.analyze(PAGE_TEXT_ECHO, APOSTROPHE);
    }

    @Benchmark
    public Finding heldEscaped() {
        return ANALYZER.analyze(PAGE_ESCAPED, ATTACK);
    }

    @Benchmark
    public Finding heldAttack() {
        return ANALYZER.analyze(PAGE_ATTACK, ATTACK);
    }
}
