package dev.pincer.inspection.seclang;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.seclang.variables.HttpData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a freshly compiled engine over ordinary requests before it serves any, so that the first
 * real requests after a start or a reload do not pay for class loading, the regex engine's lazily
 * built automata and the JIT: cold, CRS v4 costs tens of milliseconds on a request it later
 * judges in one, and the time budget ({@link SecLangEngine#DEFAULT_TIME_BUDGET_NANOS}) would
 * decide such a request as not fully judged.
 *
 * <p>The requests come from 192.0.2.1 (TEST-NET-1, never a real client); persistent collections
 * they initialise expire like any other. The engine's counters are reset afterwards.
 *
 * <p>Example: {@code EngineWarmUp.run(engine, 1_000_000_000L)} runs rounds of a GET, a form POST,
 * a JSON POST and a multipart POST for at most a second.
 */
final class EngineWarmUp {
    /** Rounds at most; a round is one request of each kind. */
    static final int ROUNDS = 400;

    private EngineWarmUp() {
    }

    static void run(SecLangEngine engine, long maxNanos) {
        List<HttpData> requests = requests();
        long deadline = System.nanoTime() + maxNanos;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            for (HttpData r : requests) {
                RuleTransaction t = engine.openWithoutMemo(r);  // every path of the work itself gets hot, not only the memo's
                t.requestHeaders();
                t.requestBody();
                t.responseHeaders(200, "HTTP/1.1", List.of(new HeaderField("Content-Type", "text/html")));
                t.responseBody("<html><body><p>ok</p></body></html>".getBytes(StandardCharsets.ISO_8859_1));
                t.logging();
            }
        }
        engine.counters().overBudget.reset();
        engine.counters().collectionFull.reset();
    }

    private static List<HttpData> requests() {
        List<HttpData> out = new ArrayList<>();
        out.add(new HttpData("GET", "/search?q=running+shoes&size=44&page=2&sort=price&lang=en", "HTTP/1.1",
                headers(), "192.0.2.1", 40000, "warm-up", null, true));
        out.add(post("application/x-www-form-urlencoded",
                "name=Jane+Doe&email=jane%40example.com&comment=See+you+at+noon%2C+thanks%21&id=42"));
        out.add(post("application/json", "{\"user\":{\"name\":\"Jane\",\"tags\":[\"a\",\"b\"],\"age\":31},"
                + "\"note\":\"deliver after noon\"}"));
        String b = "----warmup7d4b";
        out.add(post("multipart/form-data; boundary=" + b, "--" + b + "\r\nContent-Disposition: form-data; name=\"title\""
                + "\r\n\r\nHoliday\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nplain notes\r\n--" + b + "--\r\n"));
        out.add(post("text/xml", "<?xml version=\"1.0\"?><order><item id=\"1\">shoes</item></order>"));
        return out;
    }

    private static List<HeaderField> headers(String... more) {
        List<HeaderField> h = new ArrayList<>(List.of(new HeaderField("Host", "shop.example.com"),
                new HeaderField("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0"),
                new HeaderField("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                new HeaderField("Accept-Language", "en-US,en;q=0.5"),
                new HeaderField("Accept-Encoding", "gzip, deflate"),
                new HeaderField("Referer", "https://shop.example.com/"),
                new HeaderField("Cookie", "session=3f2a9c1e7d4b; theme=dark")));
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.add(new HeaderField(more[i], more[i + 1]));
        }
        return h;
    }

    private static HttpData post(String type, String body) {
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        return new HttpData("POST", "/account", "HTTP/1.1",
                headers("Content-Type", type, "Content-Length", Integer.toString(b.length)),
                "192.0.2.1", 40000, "warm-up", b, true);
    }
}
