package dev.pincer.correlator.ssrf;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.EnumSet;
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
 * <p>A CHECK the sensor sends at socket connect ({@link Connect}: {@code connect.ip},
 * {@code connect.host}) is judged by the address actually connected to as well: an input that
 * supplies the host of a URL whose connection went to an internal address is a finding, whatever
 * the name looked like (a public-looking name in DNS or a hosts file pointing at loopback, DNS
 * rebinding). A connect that did not go to the URL's host (a proxy, a redirect, or no URL at all:
 * a raw socket) is a finding only when an input names the whole host the socket was asked for.
 * A public connected address adds nothing to the text judgment.
 *
 * <p>Example: {@code http://2130706433/admin} with input {@code host=2130706433} is a finding
 * ("input points the request at loopback address 127.0.0.1"); {@code https://api.example.com/v1/
 * users?q=localhost} with input {@code q=localhost} is not; {@code http://internal.example/}
 * with input {@code host=internal.example} and {@code connect.ip=127.0.0.1} is a finding.
 */
public final class SsrfAnalyzer implements SinkAnalyzer {
    private static final Set<String> WEB = Set.of("http", "https", "ws", "wss");
    private static final Set<InputSource> HEADERS = EnumSet.of(InputSource.HEADER, InputSource.APP_HEADER,
            InputSource.COOKIE, InputSource.APP_COOKIE, InputSource.HEADER_NAME, InputSource.APP_HEADER_NAME,
            InputSource.COOKIE_NAME, InputSource.APP_COOKIE_NAME);
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withExtraForms(List.of(JavaUrlForm::of));

    @Override
    public SinkKind kind() {
        return SinkKind.URL;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String url = call.arg(0);
        Connect connect = Connect.of(call);
        Occurrences.Result found = Occurrences.find(url, inputs, OPTIONS);
        List<Hit> hits = found.hits();
        boolean forUrl = false;
        if (!hits.isEmpty()) {
            ParseBudget.require(url, "URL");
            List<UrlParts> readings = UrlParts.parse(url);
            String[] internal = new String[readings.size()];
            for (int i = 0; i < readings.size(); i++) {
                UrlParts p = readings.get(i);
                if (p.hostEnd() <= p.hostStart()) {
                    continue;
                }
                String host = p.host(url);
                internal[i] = InternalHosts.classify(host);
                if (connect != null && connect.isFor(host)) {
                    forUrl = true;
                    if (internal[i] == null && connect.internal() != null) {
                        internal[i] = host + ", connected to " + connect.internal();
                    }
                }
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
        }
        found.requireComplete();
        return connect == null || forUrl || connect.internal() == null ? null : byHost(connect, inputs);
    }

    /**
     * A connect that is not to the URL's host (no URL in progress, a proxy, a redirect): a finding
     * only when an input names the whole host the socket was asked for and the address is internal.
     * Headers and cookies do not count here: an app's own connections (its database, directory,
     * cache) go to names and addresses that headers carry by coincidence (a {@code Host} of
     * {@code localhost}, a client address), and without a URL nothing shows the value was used as one.
     */
    private static Finding byHost(Connect connect, RequestInputs inputs) {
        String host = connect.host();
        Occurrences.Result found = Occurrences.find(host, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            if (h.start() == 0 && h.end() == host.length() && !HEADERS.contains(h.input().source())) {
                return new Finding(AttackClass.SSRF, h.input(), Evidence.of(host, connect.ip()),
                        "input names the host " + host + ", connected to " + connect.internal());
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
