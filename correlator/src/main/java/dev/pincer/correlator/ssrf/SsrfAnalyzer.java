package dev.pincer.correlator.ssrf;

import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.internal.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Set;

/**
 * Server-side request forgery: an input that controls the scheme of an outbound URL and makes it
 * anything but HTTP(S)/WS(S) ({@code file:}, {@code gopher:}, {@code jar:}, {@code dict:}...), or
 * supplies its host (covers all of it under either {@link UrlParts} reading, userinfo tricks
 * included) and the host is internal by its text ({@link InternalHosts}) or belongs to a
 * non-HTTP scheme. An input that is only part of the host picks among names the app chose and is
 * fine ({@code limit=10} in {@code http://10.0.0.5/}, the path segment {@code local} in
 * {@code localhost}), as is an input only in the path or query; public host names are never
 * resolved. Inputs are also matched as {@code java.net.URL} prints them ({@link JavaUrlForm}: the
 * sensor reports {@code file:/etc/passwd} for {@code url:file:///etc/passwd}). When several inputs
 * break out, the finding names the one with the longest occurrence ({@link Attribution}).
 *
 * <p>Example: {@code http://2130706433/admin} with input {@code host=2130706433} is a finding
 * ("input points the request at loopback address 127.0.0.1"); {@code https://api.example.com/v1/
 * users?q=localhost} with input {@code q=localhost} is not.
 */
public final class SsrfAnalyzer implements SinkAnalyzer {
    private static final Set<String> WEB = Set.of("http", "https", "ws", "wss");
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withExtraForms(List.of(JavaUrlForm::of));

    @Override
    public SinkKind kind() {
        return SinkKind.URL;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String url = call.arg(0);
        Occurrences.Result found = Occurrences.find(url, inputs, OPTIONS);
        List<Hit> hits = found.hits();
        if (hits.isEmpty()) {
            found.requireComplete();
            return null;
        }
        ParseBudget.require(url, "URL");
        List<UrlParts> readings = UrlParts.parse(url);
        String[] internal = new String[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            UrlParts p = readings.get(i);
            internal[i] = p.hostEnd() > p.hostStart() ? InternalHosts.classify(p.host(url)) : null;
        }
        for (Hit h : Attribution.strongestFirst(hits)) {
            for (int i = 0; i < readings.size(); i++) {
                UrlParts p = readings.get(i);
                String reason = judge(url, p, internal[i], h);
                if (reason != null) {
                    return new Finding(AttackClass.SSRF, h.input(),
                            Evidence.of(p.scheme(), p.host(url), h.text(url)), reason);
                }
            }
        }
        found.requireComplete();
        return null;
    }

    private static String judge(String url, UrlParts p, String internal, Hit h) {
        boolean web = WEB.contains(p.scheme());
        int schemeStart = p.schemeEnd() - p.scheme().length();
        if (!web && h.start() <= p.schemeEnd() && h.end() > schemeStart) {
            return "input sets the URL scheme to " + p.scheme();
        }
        if (!suppliesHost(url, p, h)) {
            return null;
        }
        if (internal != null) {
            return "input points the request at " + internal;
        }
        return web ? null : "input sets the host of a " + p.scheme() + " URL";
    }

    /** The occurrence covers the whole host (an IPv6 literal's brackets aside). */
    private static boolean suppliesHost(String url, UrlParts p, Hit h) {
        int s = p.hostStart();
        int e = p.hostEnd();
        if (e - s >= 2 && url.charAt(s) == '[' && url.charAt(e - 1) == ']') {
            s++;
            e--;
        }
        return e > s && h.start() <= s && h.end() >= e;
    }
}
