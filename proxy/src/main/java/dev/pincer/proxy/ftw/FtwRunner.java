package dev.pincer.proxy.ftw;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs go-ftw stages against a listening proxy, one at a time, and judges each by what the proxy
 * answered and by the rule-log lines it wrote for it. A stage's lines are those between two marker
 * requests (a header {@code X-CRS-Test: <uuid>} that the suite setup's rule 999999 logs), as go-ftw
 * delimits a WAF's error log.
 */
final class FtwRunner {

    /** The marker header; {@code crs-regression-setup.conf}'s rule 999999 logs its value. */
    static final String MARKER_HEADER = "X-CRS-Test";

    private static final Pattern ID = Pattern.compile("\\[id \"(\\d+)\"\\]");
    private static final long MARKER_WAIT_MILLIS = 5_000;

    /** One stage's result. {@code failure} null: it passed; {@code excluded}: an override left it out. */
    record StageOutcome(FtwStage stage, String failure, Overrides.Entry override, boolean excluded, Set<Long> fired) {
        boolean passed() {
            return failure == null && !excluded;
        }
    }

    private final StageClient client;
    private final RuleLogCapture log;

    FtwRunner(InetSocketAddress proxy, RuleLogCapture log, int timeoutMillis) {
        this.client = new StageClient(proxy, timeoutMillis);
        this.log = log;
    }

    List<StageOutcome> run(List<FtwStage> stages, Overrides overrides) throws InterruptedException {
        List<StageOutcome> out = new ArrayList<>(stages.size());
        for (FtwStage s : stages) {
            Overrides.Entry o = overrides.of(s);
            if (o != null && o.output() == null) {
                out.add(new StageOutcome(s, null, o, true, Set.of()));
                continue;
            }
            out.add(run(o == null ? s : s.with(o.output()), o));
        }
        return out;
    }

    private StageOutcome run(FtwStage s, Overrides.Entry override) throws InterruptedException {
        log.clear();
        int from = mark();
        String method = new String(s.request(), 0, Math.min(8, s.request().length), StandardCharsets.ISO_8859_1);
        StageResult result = client.send(s.request(), method.startsWith("HEAD "));
        int to = mark();
        List<String> lines = log.between(from, to);
        Set<Long> fired = new TreeSet<>();
        for (String l : lines) {
            Matcher m = ID.matcher(l);
            while (m.find()) {
                fired.add(Long.parseLong(m.group(1)));
            }
        }
        String failure = s.expect().mismatch(result, fired, String.join("\n", lines));
        if (failure != null) {
            failure = (result.failed() ? "no response" : "status " + result.status()) + ": " + failure;
        }
        return new StageOutcome(s, failure, override, false, fired);
    }

    /** Sends a marker request and returns the index of its rule-log line. */
    private int mark() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        byte[] marker = ("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: pincer-ftw\r\nAccept: */*\r\n"
                + MARKER_HEADER + ": " + id + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        StageResult r = client.send(marker, false);
        int at = log.await(id, MARKER_WAIT_MILLIS);
        if (at < 0) {
            throw new IllegalStateException("the marker request (" + (r.failed() ? r.error() : "status " + r.status())
                    + ") left no rule-log line within " + MARKER_WAIT_MILLIS + " ms: is rule 999999 of "
                    + "crs-regression-setup.conf loaded, and does the rule log reach the runner?");
        }
        return at;
    }
}
