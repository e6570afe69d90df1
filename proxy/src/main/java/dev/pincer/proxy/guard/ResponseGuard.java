package dev.pincer.proxy.guard;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.event.SecurityEvent;
import dev.pincer.correlator.event.SecurityLog;
import dev.pincer.correlator.xss.XssAnalyzer;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * The reflected-XSS check of one HTML response (docs/correlation.md, "Reflected XSS"), on the
 * exchange's event loop. The exchange holds the response head and its contents while
 * {@link #onContent} answers {@link Step#HOLD}: until the body ends or {@code prefix} characters
 * of its text (or as many wire bytes) are held. The prefix is then judged by {@link XssAnalyzer}
 * against the request's inputs as the context has them now (the app's view included):
 * {@link Step#BLOCK} (the exchange answers 403 and forwards nothing) or {@link Step#PASS} (it
 * forwards what it held unchanged). Past the prefix the body streams and each content is still
 * searched, without its context: an input that carries markup occurring there unescaped at all
 * cuts the response ({@link Step#BLOCK} after the head went out). So that no part of such an
 * occurrence is forwarded before it is found, a content is forwarded only once the text after it
 * is as long as the longest input that carries markup ({@link #releasable()}). A body that cannot be decoded
 * ({@code br}, a corrupt or bomb-like stream) is an {@code analysis_limit} finding, as is a search
 * stopped by a budget: never passed as judged. Never retains or releases a buffer.
 *
 * <p>What a finding does depends on the mode: hybrid and edge block, monitor logs
 * {@code "action":"monitor"} and passes; an {@code analysis_limit} finding under
 * {@code on_analysis_limit: allow} is logged {@code observed} and passes. Each finding logs one
 * {@code sink_verdict} event whose sink kind is {@code response} and counts
 * {@code pincer_blocked_requests_total{stage="response"}} (in the prefix) or
 * {@code stage="response_late"} (a cut past it) when it blocks.
 *
 * <p>Example: {@code GET /search?q=<script>alert(1)</script>} answered {@code text/html}
 * {@code <p>Hello <script>alert(1)</script></p>}: {@code onContent} returns BLOCK at the last
 * content; the same answered {@code <p>Hello &lt;script&gt;...} returns PASS.
 */
public final class ResponseGuard implements ResponseCheck {

    private final XssAnalyzer analyzer;
    private final RequestContext context;
    private final Mode mode;
    private final OnAnalysisLimit onLimit;
    private final ProxyMetrics metrics;
    private final int prefix;
    private final ResponseText decoder;
    private final StringBuilder text = new StringBuilder();
    private long wireBytes;
    private boolean judged;
    private boolean done;
    private int overlap;
    /** The text length of each content the exchange holds, oldest first, and their sum. */
    private final ArrayDeque<Integer> pending = new ArrayDeque<>();
    private long pendingChars;
    private boolean lastSeen;

    ResponseGuard(XssAnalyzer analyzer, RequestContext context, Mode mode, OnAnalysisLimit onLimit,
                  ProxyMetrics metrics, int prefix, ResponseText decoder) {
        this.analyzer = analyzer;
        this.context = context;
        this.mode = mode;
        this.onLimit = onLimit;
        this.metrics = metrics;
        this.prefix = prefix;
        this.decoder = decoder;
    }

    /**
     * After PASS: how many of the held contents, oldest first, may be forwarded now. All of them
     * ({@link Integer#MAX_VALUE}) once the body ended or the check is over; otherwise those followed by at least as much text
     * as the longest occurrence the search could still find starting in them.
     */
    @Override
    public int releasable() {
        if (done || lastSeen) {
            pending.clear();
            pendingChars = 0;
            return Integer.MAX_VALUE;
        }
        int n = 0;
        while (!pending.isEmpty() && pendingChars - pending.peekFirst() >= overlap) {
            pendingChars -= pending.pollFirst();
            n++;
        }
        return n;
    }

    /** True while the prefix is not judged yet: the exchange holds what it receives. */
    public boolean holding() {
        return !judged;
    }

    /**
     * Takes the next body content (not retained or released). While {@link #holding()}, returns
     * HOLD, or the verdict on the prefix once it is complete; after that, PASS or BLOCK for the
     * content at hand (BLOCK: cut the response, this content must not be forwarded).
     */
    @Override
    public Step onContent(ByteBuf content, boolean last) {
        lastSeen |= last;
        if (done) {
            return Step.PASS;
        }
        wireBytes += content.readableBytes();
        int before = text.length();
        decoder.feed(content, text);
        pending.add(text.length() - before);
        pendingChars += text.length() - before;
        if (!judged) {
            if (!last && !decoder.failed() && text.length() < prefix && wireBytes < prefix) {
                return Step.HOLD;
            }
            judged = true;
            return judgePrefix(last);
        }
        return judgeRest(last);
    }

    private Step judgePrefix(boolean last) {
        if (decoder.failed()) {
            return decide(limit("response_decoding", "the response body could not be decoded within bounds"), false);
        }
        String html = text.length() > prefix ? text.substring(0, prefix) : text.toString();
        Step s = decide(analyzer.analyze(html, context.inputs()), false);
        if (s == Step.BLOCK || last || done) {
            close();
            return s;
        }
        overlap = XssAnalyzer.longestEcho(context.inputs());
        if (text.length() > prefix) { // what one content carried past the prefix is searched as the rest
            Step rest = decide(analyzer.echo(text.substring(Math.max(0, prefix - overlap)), context.inputs()), true);
            if (rest == Step.BLOCK) {
                close();
                return Step.BLOCK;
            }
        }
        keepTail();
        return Step.PASS;
    }

    private Step judgeRest(boolean last) {
        if (decoder.failed()) {
            return end(decide(limit("response_decoding", "the response body past the prefix could not be decoded "
                    + "within bounds"), true));
        }
        Step s = decide(analyzer.echo(text.toString(), context.inputs()), true);
        keepTail();
        return last || s == Step.BLOCK ? end(s) : s;
    }

    private Step end(Step s) {
        close();
        return s;
    }

    /** Keeps the last {@code overlap} characters, so an occurrence split between contents is found. */
    private void keepTail() {
        if (text.length() > overlap) {
            text.delete(0, text.length() - overlap);
        }
    }

    private Step decide(Finding f, boolean late) {
        if (f == null) {
            return Step.PASS;
        }
        boolean limit = f.attackClass() == AttackClass.ANALYSIS_LIMIT;
        String action = limit && onLimit == OnAnalysisLimit.ALLOW ? "observed"
                : mode == Mode.MONITOR ? "monitor" : "block";
        boolean block = action.equals("block");
        SecurityLog.sinkVerdict(event(f, action, block));
        if (block && metrics != null) {
            metrics.blocked.labels(late ? "response_late" : "response").inc();
        }
        if (!block) {
            done = true; // one event per response: what follows is forwarded as is
            close();
        }
        return block ? Step.BLOCK : Step.PASS;
    }

    private SecurityEvent event(Finding f, String action, boolean block) {
        List<String> ev = f.evidence();
        String excerpt = ev.size() >= 3 ? ev.get(2) : "";
        return new SecurityEvent(Instant.now(), action, !block, action, context.requestId(), context.id(),
                context.clientIp(), context.method(), context.path(), f.attackClass().label(), f.input(), "response",
                excerpt, "", ev, f.reason(), context.edgeRuleIds(), null, mode.name().toLowerCase(Locale.ROOT));
    }

    private static Finding limit(String budget, String detail) {
        return new AnalysisLimitException(budget, detail).finding();
    }

    /** Frees the decoder; idempotent. The exchange calls it when it ends, whatever happened. */
    @Override
    public void close() {
        done = true;
        decoder.close();
    }
}
