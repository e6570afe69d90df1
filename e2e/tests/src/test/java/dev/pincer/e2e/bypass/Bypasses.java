package dev.pincer.e2e.bypass;

import static dev.pincer.e2e.bypass.Payloads.formOfSize;
import static dev.pincer.e2e.bypass.Payloads.jsonKeysThen;
import static dev.pincer.e2e.bypass.Payloads.multipartThen;
import static dev.pincer.e2e.bypass.Payloads.pairsThen;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.LimitsConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.e2e.bypass.Payloads.Attack;
import dev.pincer.e2e.bypass.Shot.Effect;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.RawHttp;
import dev.pincer.e2e.harness.RawHttp.Request;
import dev.pincer.inspection.request.InspectionLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bypasses of issue 7, as shots: the limits come from the same constants Pincer uses
 * ({@link InspectionLimits#DEFAULT}, {@link CorrelatorConfig#DEFAULT_BODY_PREFIX_BYTES}), so the
 * shots follow when the limits change, and every limit is shot at the limit and at limit + 1.
 * Expected answers are those of the fixed product: at the default route policy
 * {@code protection.incomplete: reject} a cut request is 400 (counts, lengths) or 413 (body) and never
 * reaches the app; with {@code protection.incomplete: suspect} it reaches the app and an attack whose syntax
 * shows in the argument alone is 403 at the sink.
 */
public final class Bypasses {
    static final int PAIRS = InspectionLimits.DEFAULT.maxPairs();
    static final int INPUTS = InspectionLimits.DEFAULT.maxInputs();
    static final int VALUE = InspectionLimits.DEFAULT.maxValueChars();
    static final int PARTS = InspectionLimits.DEFAULT.maxParts();
    static final int BODY = ProtectionConfig.DEFAULT_BODY_PREFIX_BYTES;
    /** Linux's MAX_ARG_STRLEN: no single argument to sh -c may be longer, so no longer shell value is a real attack. */
    private static final int MAX_ARG_CHARS = 128 * 1024;
    private static final Set<Integer> BLOCKED = Set.of(403);
    private static final Set<Integer> REJECT_COUNT = Set.of(400);
    private static final Set<Integer> REJECT_BODY = Set.of(413);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BOUNDARY = "----pincer-e2e-7d1f";
    /** Filler values in padded bodies: well under any value limit, so only the body size is at stake. */
    private static final int FILLER_VALUE = Math.min(4000, VALUE / 2);

    private final Path markers;
    private int serial;

    public Bypasses(Path markers) {
        this.markers = markers;
    }

    private Attack shell(String separator) {
        return Payloads.shell(markers.resolve("bypass-" + serial++), separator);
    }

    private static Shot shot(String name, Attack a, Request r, Set<Integer> allowed, Boolean reachesApp) {
        return new Shot(name + " [" + a.what() + "]", r, a.effect(), a.marker(), allowed, reachesApp, true);
    }

    private static Request get(Attack a, String query) {
        return RawHttp.request("GET", a.path() + "?" + query);
    }

    private static Request form(Attack a, String body) {
        return RawHttp.request("POST", a.path()).body(FORM, body);
    }

    // ---- at the limits, default policy: reject --------------------------------------------------

    /** Query pairs, form pairs, JSON keys, multipart parts, value length, body size: limit and limit + 1. */
    public List<Shot> limits() {
        List<Shot> out = new ArrayList<>();
        Attack t = Payloads.tautology();
        out.add(shot("query: " + PAIRS + " pairs (the limit), attack last", t, get(t, pairsThen(PAIRS - 1, t)), BLOCKED, null));
        out.add(shot("query: " + (PAIRS + 1) + " pairs, attack last", t, get(t, pairsThen(PAIRS, t)), REJECT_COUNT, false));
        out.add(shot("query: " + (PAIRS + 1) + " pairs, attack first", t,
                get(t, t.pair() + "&" + Payloads.fillerPairs(PAIRS)), REJECT_COUNT, false));
        out.add(shot("form: " + PAIRS + " pairs (the limit), attack last", t, form(t, pairsThen(PAIRS - 1, t)), BLOCKED, null));
        out.add(shot("form: " + (PAIRS + 1) + " pairs, attack last", t, form(t, pairsThen(PAIRS, t)), REJECT_COUNT, false));
        Attack sh = shell("; ");
        out.add(shot("form: " + (PAIRS + 1) + " pairs, attack last", sh, form(sh, pairsThen(PAIRS, sh)), REJECT_COUNT, false));
        // a JSON key is two inputs (the key, its value): a quarter of the budget in keys is well within it
        int keys = INPUTS / 4;
        out.add(shot("json: " + (keys + 1) + " keys (within " + INPUTS + " inputs), attack last", t,
                RawHttp.request("POST", t.path()).body("application/json", jsonKeysThen(keys, t)), BLOCKED, null));
        out.add(shot("json: " + (INPUTS + 1) + " keys (past " + INPUTS + " inputs), attack last", t,
                RawHttp.request("POST", t.path()).body("application/json", jsonKeysThen(INPUTS, t)), REJECT_COUNT, false));
        out.add(shot("multipart: " + PARTS + " parts (the limit), attack last", t, multipart(t, PARTS - 1, null), BLOCKED, null));
        out.add(shot("multipart: " + (PARTS + 1) + " parts, attack last", t, multipart(t, PARTS, null), REJECT_COUNT, false));
        if (VALUE + 256 <= BODY) {
            String pad = "x".repeat(VALUE - t.value().length());
            out.add(shot("form: a value of " + VALUE + " chars (the limit), attack at its end", t,
                    form(t, "name=" + Http.encode(pad + t.value())), BLOCKED, null));
            out.add(shot("form: a value of " + (VALUE + 1) + " chars, attack at its end", t,
                    form(t, "name=" + Http.encode("x" + pad + t.value())), REJECT_COUNT, false));
            out.add(shot("json: a value of " + (VALUE + 1) + " chars, attack at its end", t,
                    RawHttp.request("POST", t.path()).body("application/json",
                            "{\"name\":" + Payloads.jsonString("x" + pad + t.value()) + "}"), REJECT_COUNT, false));
        } else {
            // the value limit is no tighter than the body prefix: one value as long as the prefix allows
            out.add(shot("form: one value filling the " + BODY + "-byte prefix, attack at its end", t,
                    form(t, oneValue(BODY, t)), BLOCKED, null));
            out.add(shot("form: one value filling the prefix + 1 byte, attack at its end", t,
                    form(t, oneValue(BODY + 1, t)), REJECT_BODY, false));
        }
        out.add(shot("form body: " + BODY + " bytes (the prefix), attack last", t,
                form(t, formOfSize(BODY, t.pair(), FILLER_VALUE)), BLOCKED, null));
        out.add(shot("form body: " + (BODY + 1) + " bytes, attack last", t,
                form(t, formOfSize(BODY + 1, t.pair(), FILLER_VALUE)), REJECT_BODY, false));
        out.add(shot("form body: " + BODY + " bytes chunked, attack last", t,
                form(t, formOfSize(BODY, t.pair(), FILLER_VALUE)).chunked(), BLOCKED, null));
        out.add(shot("form body: " + (BODY + 1) + " bytes chunked, attack last", t,
                form(t, formOfSize(BODY + 1, t.pair(), FILLER_VALUE)).chunked(), REJECT_BODY, null));
        Attack sh2 = shell("; ");
        out.add(shot("form body: " + (BODY + 1) + " bytes chunked, attack last", sh2,
                form(sh2, formOfSize(BODY + 1, sh2.pair(), FILLER_VALUE)).chunked(), REJECT_BODY, null));
        out.add(shot("multipart: a 1 MiB file part, then the attack field", t,
                multipart(t, 0, new byte[1 << 20]), Set.of(400, 403, 413), null));
        return out;
    }

    /** A form body of exactly {@code total} bytes holding one pair: the attack's value, padded in front. */
    private static String oneValue(int total, Attack a) {
        String tail = Http.encode(a.value());
        return a.param() + "=" + "x".repeat(total - a.param().length() - 1 - tail.length()) + tail;
    }

    private static Request multipart(Attack a, int fillers, byte[] file) {
        return RawHttp.request("POST", a.path()).body("multipart/form-data; boundary=" + BOUNDARY,
                multipartThen(BOUNDARY, fillers, a, file));
    }

    /** Benign traffic at and past the limits that must still pass. */
    public List<Shot> benignAtLimits() {
        Attack alice = new Attack("benign", "/vuln/sql", "name", "alice", Effect.NONE, null);
        byte[] photo = new byte[1 << 20];
        java.util.Arrays.fill(photo, (byte) 'p');
        return List.of(
                shot("query: " + PAIRS + " pairs (the limit)", alice, get(alice, pairsThen(PAIRS - 1, alice)), Set.of(200), true),
                shot("multipart: a 1 MiB file part and a small field", alice, multipart(alice, 1, photo), Set.of(200), true),
                shot("form body: " + BODY + " bytes (the prefix)", alice,
                        form(alice, formOfSize(BODY, alice.pair(), FILLER_VALUE)), Set.of(200), true));
    }

    // ---- at the limits, route policy: suspect --------------------------------------------------

    /** Attacks cut off by a limit on a suspect route: forwarded, judged by the argument alone, 403. */
    public List<Shot> suspect() {
        List<Shot> out = new ArrayList<>();
        List<Attack> attacks = List.of(Payloads.tautology(), Payloads.stacked(), shell("; "), shell(" | "),
                Payloads.traversal());
        for (Attack a : attacks) {
            out.add(shot("query: " + (PAIRS + 1) + " pairs, attack last (cut off)", a, get(a, pairsThen(PAIRS, a)), BLOCKED, true));
            out.add(shot("form body: " + (BODY + 1) + " bytes, attack last (cut off)", a,
                    form(a, formOfSize(BODY + 1, a.pair(), FILLER_VALUE)), BLOCKED, true));
        }
        Attack t = Payloads.tautology();
        out.add(shot("form: a value of " + (VALUE + 1) + " chars, attack past the cut", t,
                form(t, "name=" + Http.encode("x".repeat(VALUE) + t.value())), BLOCKED, true));
        if (VALUE + 256 < MAX_ARG_CHARS) {
            Attack sh = shell("; ");
            out.add(shot("form: a value of " + (VALUE + 1) + " chars, attack past the cut", sh,
                    form(sh, "host=" + Http.encode("127.0.0.1" + " ".repeat(VALUE) + sh.value().substring(9))), BLOCKED, true));
        }
        Attack sh3 = shell("; ");
        out.add(shot("multipart: " + (PARTS + 1) + " parts, attack last (cut off)", sh3, multipart(sh3, PARTS, null), BLOCKED, true));
        out.add(shot("json: " + (INPUTS + 1) + " keys, attack last (cut off)", t,
                RawHttp.request("POST", t.path()).body("application/json", jsonKeysThen(INPUTS, t)), BLOCKED, true));
        return out;
    }

    /** Benign requests past the limits on a suspect route: forwarded, 200. */
    public List<Shot> benignSuspect() {
        Attack alice = new Attack("benign", "/vuln/sql", "name", "alice", Effect.NONE, null);
        Attack echo = new Attack("benign", "/vuln/exec", "host", "127.0.0.1", Effect.NONE, null);
        return List.of(
                shot("query: " + (PAIRS + 1) + " pairs", alice, get(alice, pairsThen(PAIRS, alice)), Set.of(200), true),
                shot("form body: " + (BODY + 1) + " bytes", alice,
                        form(alice, formOfSize(BODY + 1, alice.pair(), FILLER_VALUE)), Set.of(200), true),
                shot("form body: " + (BODY + 1) + " bytes", echo,
                        form(echo, formOfSize(BODY + 1, echo.pair(), FILLER_VALUE)), Set.of(200), true));
    }

    // ---- bodies the proxy does not parse by their declared type --------------------------------

    /** Declared types the app parses (or ignores) but a type-trusting proxy does not: sniffed, 403. */
    public List<Shot> sniffing() {
        List<Shot> out = new ArrayList<>();
        Attack t = Payloads.tautology();
        Attack p = Payloads.traversal();
        String json = "{\"name\":" + Payloads.jsonString(t.value()) + "}";
        for (String type : List.of("application/jsonx", "application/json5", "application/json; charset=utf-8; v=1",
                "application/json;v=2;charset=UTF-8", "APPLICATION/JSON-patch")) {
            out.add(shot("body " + type + " (JSON)", t, RawHttp.request("POST", t.path()).body(type, json), BLOCKED, null));
        }
        out.add(shot("body application/jsonx (JSON)", p, RawHttp.request("POST", p.path())
                .body("application/jsonx", "{\"name\":" + Payloads.jsonString(p.value()) + "}"), BLOCKED, null));
        for (String type : List.of("text/plain", "application/vnd.api+json", "application/octet-stream")) {
            out.add(shot("lenient app, body " + type + " (JSON)", t,
                    RawHttp.request("POST", "/lenient" + t.path()).body(type, json), BLOCKED, null));
        }
        for (String type : List.of("text/plain", "application/octet-stream", "application/x-www-form-urlencodedx")) {
            out.add(shot("lenient app, body " + type + " (a form)", t,
                    RawHttp.request("POST", "/lenient" + t.path()).body(type, t.pair()), BLOCKED, null));
            Attack sh = shell("; ");
            out.add(shot("lenient app, body " + type + " (a form)", sh,
                    RawHttp.request("POST", "/lenient" + sh.path()).body(type, sh.pair()), BLOCKED, null));
        }
        out.add(shot("lenient app, body without Content-Type (a form)", t,
                RawHttp.request("POST", "/lenient" + t.path()).body(null, t.pair()), BLOCKED, null));
        // JSON that only lenient readers take (org.json, Gson's lenient mode, JSON5): strict JSON
        // refuses it, so a proxy that keeps it only as one raw text never finds the value in the sink
        for (Attack a : List.of(t, p)) {
            String quoted = "'" + a.value().replace("\\", "\\\\").replace("'", "\\'") + "'";
            for (String body : List.of("{'" + a.param() + "': " + quoted + "}",
                    "{" + a.param() + ": " + Payloads.jsonString(a.value()) + " /* lenient */}",
                    "{ # a comment\n" + a.param() + " => " + quoted + "; }")) {
                for (String type : List.of("application/json", "text/plain")) {
                    out.add(shot("lenient app, lenient JSON body " + type + ": " + body, a,
                            RawHttp.request("POST", "/lenient" + a.path()).body(type, body), BLOCKED, null));
                }
            }
        }
        // JSON in UTF-16 or UTF-32 without a charset: the app (like Jackson) detects the encoding
        // from the zero bytes, a proxy reading UTF-8 sees no value at all; Pincer rejects it (400)
        for (Attack a : List.of(t, p)) {
            String doc = "{\"" + a.param() + "\":" + Payloads.jsonString(a.value()) + "}";
            for (String cs : List.of("UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE")) {
                out.add(shot("body application/json in " + cs + ", no charset", a, RawHttp.request("POST", a.path())
                        .body("application/json", doc.getBytes(java.nio.charset.Charset.forName(cs))), REJECT_COUNT, false));
            }
        }
        // A JSON document inside a parameter or a JSON string, which the app parses (doc=...):
        // the value the sink gets is a leaf of it, never the whole document
        for (Attack a : List.of(t, p, shell("; "))) {
            String doc = "{\"" + a.param() + "\":" + Payloads.jsonString(a.value()) + "}";
            out.add(shot("a JSON document in a query parameter", a,
                    RawHttp.request("GET", a.path() + "?doc=" + Http.encode(doc)), BLOCKED, null));
            out.add(shot("a JSON document in a form field", a, form(a, "doc=" + Http.encode(doc)), BLOCKED, null));
            out.add(shot("a JSON document in a JSON string", a, RawHttp.request("POST", a.path())
                    .body("application/json", "{\"doc\":" + Payloads.jsonString(doc) + "}"), BLOCKED, null));
            String blob = "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"blob\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + doc + "\r\n--b--\r\n";
            out.add(shot("a JSON document in a multipart file part (a Blob)", a, RawHttp.request("POST", a.path())
                    .body("multipart/form-data; boundary=b", blob), BLOCKED, null));
        }
        // A value sent base64-encoded (name64=...), which the app decodes: standard and URL-safe
        for (Attack a : List.of(t, p, shell("; "))) {
            byte[] v = a.value().getBytes(StandardCharsets.UTF_8);
            for (String enc : List.of(java.util.Base64.getEncoder().encodeToString(v),
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(v))) {
                String pair = a.param() + "64=" + Http.encode(enc);
                out.add(shot("the value base64-encoded in the query: " + enc, a,
                        RawHttp.request("GET", a.path() + "?" + pair), BLOCKED, null));
                out.add(shot("the value base64-encoded in a form: " + enc, a, form(a, pair), BLOCKED, null));
            }
        }
        // A path segment with path parameters: Tomcat gives the app the segment without them
        // (payloads without a slash: Tomcat refuses an encoded one)
        for (Attack a : List.of(t)) {
            for (String params : List.of(";jsessionid=0123456789", ";a=1;b=2")) {
                out.add(shot("the value as a path segment with " + params, a,
                        RawHttp.request("GET", a.path() + "/" + Http.encode(a.value()) + params), BLOCKED, null));
            }
        }
        // XML whose value comes from an internal entity: the JDK's parsers expand it by default
        for (Attack a : List.of(t, p)) {
            String xml = "<!DOCTYPE r [<!ENTITY v \"" + a.value().replace("&", "&#38;").replace("\"", "&#34;")
                    + "\">]><r><" + a.param() + ">&v;</" + a.param() + "></r>";
            for (String type : List.of("application/xml", "text/plain")) {
                out.add(shot("lenient app, XML " + type + ", the value in an internal entity", a,
                        RawHttp.request("POST", "/lenient" + a.path()).body(type, xml), BLOCKED, null));
            }
        }
        // Overlong UTF-8 (C0 A7 for an apostrophe, C0 AE for a dot): Jackson decodes it without
        // an overlong check, a strict decoder reads U+FFFD; the app (like Jackson) reads the attack
        for (Attack a : List.of(t, p)) {
            java.io.ByteArrayOutputStream doc = new java.io.ByteArrayOutputStream();
            doc.writeBytes(("{\"" + a.param() + "\":\"").getBytes(StandardCharsets.UTF_8));
            for (char c : a.value().toCharArray()) {
                if (c == '\'' || c == '.') {
                    doc.write(0xC0);
                    doc.write(0x80 | c);
                } else {
                    doc.write(c);
                }
            }
            doc.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            out.add(shot("body application/json with overlong UTF-8", a, RawHttp.request("POST", a.path())
                    .body("application/json", doc.toByteArray()), BLOCKED, null));
        }
        return out;
    }

    // ---- dot segments that use up the input budget ---------------------------------------------

    /**
     * Segments the app normalises away, then the endpoint, with the attack in the query: a thousand,
     * and one more than the input budget (or as many as the request line holds, if fewer).
     */
    public List<Shot> pathSegments() {
        List<Shot> out = new ArrayList<>();
        for (int n : List.of(1000, INPUTS + 1)) {
            for (Attack a : List.of(Payloads.tautology(), shell("; "), Payloads.traversal())) {
                out.add(shot(segments(n, 2) + " '/.' segments", a,
                        RawHttp.request("GET", "/.".repeat(segments(n, 2)) + a.path() + "?" + a.pair()), BLOCKED, null));
            }
            Attack t = Payloads.tautology();
            out.add(shot(segments(n, 1) + " '//' segments", t,
                    RawHttp.request("GET", "/".repeat(segments(n, 1)) + t.path().substring(1) + "?" + t.pair()), BLOCKED, null));
            out.add(shot(segments(n, 4) + " '/%2e' segments", t,
                    RawHttp.request("GET", "/%2e".repeat(segments(n, 4)) + t.path() + "?" + t.pair()), BLOCKED, null));
            out.add(shot(2 * segments(n / 2, 6) + " '/%2E' and '/.' segments mixed", t,
                    RawHttp.request("GET", "/%2E/.".repeat(segments(n / 2, 6)) + t.path() + "?" + t.pair()), BLOCKED, null));
            int m = Math.min(segments(n, 2), (LimitsConfig.DEFAULT.maxUriLength() - 200 - PAIRS) / 2);
            out.add(shot(m + " '/.' segments, " + (PAIRS - 1) + " empty pairs, attack", t,
                    RawHttp.request("GET", "/.".repeat(m) + t.path() + "?" + "&".repeat(PAIRS - 1) + t.pair()), BLOCKED, null));
        }
        return out;
    }

    /** {@code n}, or fewer when {@code n} segments of {@code width} bytes would outgrow the request line. */
    private static int segments(int n, int width) {
        return Math.min(n, (LimitsConfig.DEFAULT.maxUriLength() - 200) / width);
    }

    // ---- framing tricks ------------------------------------------------------------------------

    /**
     * Connection-named framing and Pincer headers: 400, and nothing reaches the app, least of all
     * the request smuggled in the body (a DELETE of every row).
     */
    public List<Shot> framing() {
        String smuggled = "GET /vuln/sql/delete?name=" + Http.encode(Payloads.TAUTOLOGY) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        byte[] inner = smuggled.getBytes(StandardCharsets.US_ASCII);
        List<Shot> out = new ArrayList<>();
        for (String connection : List.of("Content-Length", "keep-alive, content-length", "CONTENT-LENGTH")) {
            out.add(framingShot("Connection: " + connection + " with a request in the body",
                    RawHttp.request("POST", "/hello").header("Connection", connection)
                            .header("Content-Length", Integer.toString(inner.length)).rawFraming()
                            .body("text/plain", inner)));
        }
        String chunk = Integer.toHexString(inner.length) + "\r\n" + smuggled + "\r\n0\r\n\r\n";
        out.add(framingShot("Connection: Transfer-Encoding with a chunked request in the body",
                RawHttp.request("POST", "/hello").header("Connection", "Transfer-Encoding")
                        .header("Transfer-Encoding", "chunked").rawFraming().body("text/plain", chunk)));
        out.add(framingShot("Connection: Host", RawHttp.request("GET", "/hello").header("Connection", "Host")));
        // Clients (curl --http2, Java's HttpClient) offer h2c on every http:// request: Pincer strips
        // the offer and serves HTTP/1.1, so exactly one request reaches the app and no tunnel forms.
        out.add(framingShot("Connection: Upgrade with Upgrade: h2c (not a WebSocket)",
                RawHttp.request("GET", "/hello").header("Connection", "Upgrade, HTTP2-Settings")
                        .header("Upgrade", "h2c").header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"))
                .withAllowed(Set.of(200), null));
        out.add(framingShot("Connection: X-Pincer-Context", RawHttp.request("GET", "/hello")
                .header("Connection", "X-Pincer-Context")));
        out.add(framingShot("Connection: x-pincer-anything", RawHttp.request("GET", "/hello")
                .header("Connection", "close, x-pincer-anything")));
        return out;
    }

    /** Ordinary connection management that must still pass: keep-alive, a real WebSocket upgrade request. */
    public List<Shot> benignFraming() {
        return List.of(
                new Shot("Connection: keep-alive", RawHttp.request("GET", "/hello").header("Connection", "keep-alive"),
                        Effect.NONE, null, Set.of(200), true, true),
                new Shot("Connection: Upgrade with Upgrade: websocket", RawHttp.request("GET", "/hello")
                        .header("Connection", "Upgrade").header("Upgrade", "websocket")
                        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13"),
                        Effect.NONE, null, Set.of(200), true, true));
    }

    private static Shot framingShot(String name, Request r) {
        return new Shot(name, r, Effect.DB, null, REJECT_COUNT, false, false);
    }

    // ---- analysis that a crafted query makes slow ----------------------------------------------

    /**
     * Stacked {@code DROP TABLE} injections whose full-parser second opinion is slow: nested
     * {@code CASE WHEN (...)} (JSqlParser takes seconds at depth 6 and minutes at 12), deep
     * parentheses, long expressions, many statements. Sent as forms (the values outgrow a request line).
     */
    public static List<Shot> slowSql() {
        List<Shot> out = new ArrayList<>();
        out.add(slow("nested CASE WHEN ( x5", "1; DROP TABLE users; SELECT " + nestedCase(5)));
        out.add(slow("nested CASE WHEN ( x6", "1; DROP TABLE users; SELECT " + nestedCase(6)));
        out.add(slow("30 nested parentheses", "1; DROP TABLE users; SELECT " + "(".repeat(30) + "1" + ")".repeat(30)));
        out.add(slow("a 2000-term sum", "1; DROP TABLE users; SELECT " + "1+".repeat(2000) + "1"));
        out.add(slow("300 statements", "1; DROP TABLE users" + "; SELECT 1".repeat(300)));
        out.add(slow("nested CASE WHEN ( x5 after 200 statements",
                "1; DROP TABLE users" + "; SELECT 1".repeat(200) + "; SELECT " + nestedCase(5)));
        return out;
    }

    /** {@code CASE WHEN (CASE WHEN (... 1=1 ...) THEN 1 ELSE 0 END) THEN 1 ELSE 0 END}, {@code depth} deep. */
    public static String nestedCase(int depth) {
        return "CASE WHEN (".repeat(depth) + "1=1" + ") THEN 1 ELSE 0 END".repeat(depth);
    }

    private static Shot slow(String name, String id) {
        Request r = RawHttp.request("POST", "/vuln/sql/id").body(FORM, "id=" + Http.encode(id));
        return new Shot("slow second opinion: " + name, r, Effect.DB, null, BLOCKED, null, true);
    }
}
