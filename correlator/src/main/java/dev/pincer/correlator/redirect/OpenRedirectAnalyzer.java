package dev.pincer.correlator.redirect;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.HostText;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;

/**
 * Open redirect: an input that supplies the host a browser will go to ({@link BrowserLocation}),
 * when that host is neither the one the request was for (attr {@code request.host}, port ignored)
 * nor on the redirect allowlist ({@link HostAllowlist}); or an input that supplies the scheme of
 * an absolute location whose scheme is not http or https ({@code javascript:}, {@code data:},
 * {@code ftp://evil.example/}: the browser leaves the site whatever the host). Relative locations,
 * and inputs only in the path or query of a location, are fine. When several inputs qualify, the
 * finding names the one with the longest occurrence ({@link Attribution}).
 *
 * <p>Example: {@code Location: /\evil.com} with input {@code next=/\evil.com} on a request for
 * {@code shop.example} is a finding ("input redirects to external host evil.com");
 * {@code Location: /account?tab=orders} with {@code tab=orders} is not.
 */
public final class OpenRedirectAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard();
    private final HostAllowlist allowlist;

    public OpenRedirectAnalyzer(List<String> allowlist) {
        this.allowlist = new HostAllowlist(allowlist);
    }

    @Override
    public SinkKind kind() {
        return SinkKind.REDIRECT;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String location = call.arg(0);
        ParseBudget.require(location, "redirect location");
        BrowserLocation target = BrowserLocation.parse(location);
        if (target == null) {
            return null;
        }
        boolean foreign = target.foreign();
        String host = target.host();
        boolean external = !host.isEmpty() && !host.equals(requestHost(call)) && !allowlist.allows(host);
        if (!foreign && !external) {
            return null;
        }
        Occurrences.Result found = Occurrences.find(location, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            String reason = null;
            if (foreign && h.start() < target.schemeEnd() && h.end() > target.start()) {
                reason = "input sets a " + target.scheme() + ": location";
            } else if (external && h.start() < target.hostEnd() && h.end() > target.hostStart()) {
                reason = "input redirects to external host " + host;
            }
            if (reason != null) {
                return new Finding(AttackClass.OPEN_REDIRECT, h.input(),
                        Evidence.of(h.text(location), host.isEmpty() ? target.scheme() : host), reason);
            }
        }
        found.requireComplete();
        return null;
    }

    /** The request's host without port, normalised; a value no host equals when the sensor did not say. */
    private static String requestHost(SinkCall call) {
        String h = call.attr("request.host");
        if (h == null || h.isBlank()) {
            return "\0";
        }
        h = h.strip();
        int colon = h.startsWith("[") ? h.indexOf(':', Math.max(0, h.indexOf(']'))) : h.indexOf(':');
        return HostText.normalize(colon >= 0 ? h.substring(0, colon) : h);
    }
}
