package dev.pincer.e2e.bypass;

import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.RawHttp;
import dev.pincer.e2e.harness.RawHttp.Response;
import dev.pincer.e2e.harness.SecurityEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires {@link Shot}s and judges them. Through Pincer ({@link #protectedProblems}): the status is
 * one the shot allows, the sink effect did not happen, the app's own request counter moved only
 * if the shot may reach the app, a 403 has a {@code block} event for its request id and no event
 * says {@code block} for a request whose sink ran. Straight to the app ({@link #direct}): whether
 * the effect happened, proving the bypass is real.
 */
public final class ShotRunner {
    /** The secret of the files outside the demo's file base (Fixtures.SECRET). */
    public static final String SECRET = "PINCER-DEMO-SECRET-7f3a9c";
    private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("requests=(\\d+)\\s+outside_reads=(\\d+)");
    private static final int FIXTURE_ROWS = 4;
    private static final long EVENT_WAIT_MILLIS = 2000;

    private final Http http;
    private final URI app;
    private final SecurityEvents events;

    /** {@code events} null: no event checks (no Pincer in this JVM). */
    public ShotRunner(Http http, URI app, SecurityEvents events) {
        this.http = http;
        this.app = app;
        this.events = events;
    }

    /** The outcome of one shot. */
    public record Outcome(Response response, boolean ran, long appRequests) {
    }

    /** The app's own counters: requests that reached a servlet, files opened outside the base. */
    public record Counters(long requests, long outsideReads) {
    }

    /** Sends {@code s} to {@code base}; resets the database first and after, when it changed. */
    public Outcome fire(URI base, Shot s) {
        prepare(s);
        Counters before = counters();
        Response r = RawHttp.exchange(base, s.request());
        Counters after = counters();
        boolean ran = ran(s, r, after.outsideReads() - before.outsideReads());
        cleanUp(s, ran);
        return new Outcome(r, ran, after.requests() - before.requests());
    }

    /** Whether the effect happened when {@code s} was sent straight to the app. */
    public Outcome direct(Shot s) {
        return fire(app, s);
    }

    /** What is wrong with Pincer's answer to {@code s}; empty when it is as the fixed product answers. */
    public List<String> protectedProblems(URI proxy, Shot s) {
        Outcome o = fire(proxy, s);
        return problems(s, o);
    }

    public List<String> problems(Shot s, Outcome o) {
        List<String> problems = new ArrayList<>();
        Response r = o.response();
        if (o.ran()) {
            problems.add("THE SINK RAN (" + s.effect() + ")");
        }
        if (!s.allowed().contains(r.status())) {
            problems.add("status " + r.status() + ", expected one of " + s.allowed());
        }
        if (Boolean.FALSE.equals(s.reachesApp()) && o.appRequests() != 0) {
            problems.add(o.appRequests() + " request(s) reached the app, expected none");
        }
        if (Boolean.TRUE.equals(s.reachesApp()) && o.appRequests() == 0) {
            problems.add("the request did not reach the app");
        }
        if (events != null) {
            problems.addAll(eventProblems(r, o.ran(), s.direct()));
        }
        return problems;
    }

    /**
     * @param limitReject whether a 400/413 is an inspection-limit reject, which logs an
     *                    {@code incomplete_request} event; a framing trick's 400 is a protocol
     *                    rejection, counted in {@code pincer_rejected_requests_total} and written to
     *                    the access log with its reason, not a security event
     */
    private List<String> eventProblems(Response r, boolean ran, boolean limitReject) {
        List<String> problems = new ArrayList<>();
        String id = r.header("X-Request-Id");
        if (id == null) {
            if (r.status() == 403) {
                problems.add("the 403 carries no X-Request-Id");
            }
            return problems;
        }
        List<Map<String, Object>> found = events.forRequest(id, r.status() == 403 || ran ? EVENT_WAIT_MILLIS : 200);
        boolean block = found.stream().anyMatch(e -> "block".equals(e.get("action")));
        if (r.status() == 403 && !block) {
            problems.add("no block event for the 403 (request " + id + "): " + found);
        }
        if (ran && block) {
            problems.add("an event says block but the sink ran (request " + id + ")");
        }
        if (limitReject && (r.status() == 400 || r.status() == 413) && found.isEmpty()) {
            problems.add("no security event for the " + r.status() + " (request " + id + ")");
        }
        return problems;
    }

    /** Every fail-open or late verdict the security log holds: none may exist while the correlator is up. */
    public static List<Map<String, Object>> failOpenEvents(SecurityEvents events) {
        return events.all().stream().filter(e -> "fail_open".equals(e.get("action")) || "late".equals(e.get("action"))
                || "sensor_fail_open".equals(e.get("event"))).toList();
    }

    /** The app's stderr lines where the sensor says it let a sink run unchecked. */
    public static List<String> sensorFailOpenLines(List<String> stderr) {
        return stderr.stream().filter(l -> l.contains("\"fail_open\"")).toList();
    }

    private void prepare(Shot s) {
        if (s.marker() != null) {
            delete(s);
        }
    }

    private void cleanUp(Shot s, boolean ran) {
        if (s.marker() != null) {
            delete(s);
        }
        if (s.effect() == Shot.Effect.DB && ran) {
            http.get(app, "/reset");
        }
    }

    private static void delete(Shot s) {
        try {
            Files.deleteIfExists(s.marker());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean ran(Shot s, Response r, long outsideReads) {
        return switch (s.effect()) {
            case DB -> rows() != FIXTURE_ROWS;
            case MARKER -> Files.exists(s.marker());
            case SECRET -> outsideReads > 0 || r.body().contains(SECRET);
            case NONE -> false;
        };
    }

    /** Rows in {@code users}; -1 when the table is gone. */
    public int rows() {
        Http.Reply r = http.get(app, "/rows");
        Matcher m = ROWS.matcher(r.body());
        return r.status() == 200 && m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The app's own counters ({@code /requests}), read straight from the app. */
    public Counters counters() {
        Http.Reply r = http.get(app, "/requests");
        Matcher m = REQUESTS.matcher(r.body());
        if (r.status() != 200 || !m.find()) {
            throw new IllegalStateException("/requests answered " + r);
        }
        return new Counters(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
}
