package dev.pincer.correlator.xss;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reflected XSS: the HTML response is the sink. An input that appears in the document unescaped
 * and changes its structure is a finding: its occurrence covers a character that is structure to
 * the browser ({@link Role}: it opens or closes a tag, adds an attribute or event handler, breaks
 * out of an attribute value, opens or closes a comment, ends a raw-text element, or changes the
 * syntax of a script or style sheet), or covers the scheme of a {@code javascript:},
 * {@code vbscript:} or {@code data:} URL in a URL attribute. Occurrences are found by the shared
 * {@link Occurrences} search (window by window, {@link WindowedSearch}), over the inputs that
 * carry markup ({@link MarkupInputs}) and only their forms that do; the document is tokenized ({@link HtmlTokenizer}) only when some such form
 * occurs in it, so a page that echoes nothing costs one bounded search.
 *
 * <p>Not findings: the same input escaped ({@code &lt;script&gt;} does not contain the input),
 * inside a text node, an attribute value or a script string without ending it; an input that
 * never appears. Single characters are not searched (every page has quotes). A search stopped by
 * a budget with nothing found is an {@link AttackClass#ANALYSIS_LIMIT} finding, and so is a bug
 * here (logged): what could not be judged is never passed as judged.
 *
 * <p>Example: input {@code query:q="><script>alert(1)</script>} in
 * {@code <input value=""><script>alert(1)</script>">} is a finding: "input query:q breaks out of
 * a quoted attribute value in the HTML response".
 */
public final class XssAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(XssAnalyzer.class);
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withFilter(MarkupInputs::markupForm);
    /** Characters of document shown around an occurrence in the evidence. */
    private static final int CONTEXT = 24;

    /** The finding for {@code html} (a document or its prefix) given the request's inputs, or null. Never throws. */
    public Finding analyze(String html, RequestInputs inputs) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(inputs, "inputs");
        try {
            return judge(html, inputs);
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("XSS analyzer failed on a {}-character response: {}", html.length(), e.toString());
            return new AnalysisLimitException("analyzer_error", "the response could not be analysed").finding();
        }
    }

    /**
     * For text past the judged prefix, whose context is unknown: a finding as soon as a form of an
     * input that carries markup occurs in {@code text} at all, whatever its context; an
     * {@code analysis_limit} finding when the search hit a budget first. Never throws.
     */
    public Finding echo(String text, RequestInputs inputs) {
        try {
            List<Input> candidates = MarkupInputs.of(inputs);
            if (candidates.isEmpty()) {
                return null;
            }
            WindowedSearch.Result found = WindowedSearch.find(text, candidates, OPTIONS, overlap(candidates));
            if (!found.hits().isEmpty()) {
                Hit h = found.hits().get(0);
                return finding(text, h, h.start(), "occurs unescaped past the judged prefix");
            }
            found.requireComplete();
            return null;
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException e) {
            LOG.warn("XSS echo search failed: {}", e.toString());
            return new AnalysisLimitException("analyzer_error", "the response could not be analysed").finding();
        }
    }

    /** How many characters an occurrence of a markup-carrying input spans at most (64 Ki at most): the overlap {@link #echo} needs between pieces. */
    public static int longestEcho(RequestInputs inputs) {
        return overlap(MarkupInputs.of(inputs));
    }

    private static int overlap(List<Input> candidates) {
        int max = 0;
        for (Input in : candidates) {
            max = Math.max(max, Math.max(in.raw().length(), in.decoded().length()) + 8);
        }
        return Math.min(max, 64 * 1024);
    }

    private static Finding judge(String html, RequestInputs inputs) {
        List<Input> candidates = MarkupInputs.of(inputs);
        if (candidates.isEmpty()) {
            return null;
        }
        WindowedSearch.Result found = WindowedSearch.find(html, candidates, OPTIONS, overlap(candidates));
        if (found.hits().isEmpty()) {
            found.requireComplete();
            return null;
        }
        int last = 0;
        for (Hit h : found.hits()) {
            last = Math.max(last, h.end());
        }
        Markup m = HtmlTokenizer.scan(html, last); // no role after the last occurrence is read
        for (Hit h : found.hits()) {
            Finding f = judge(html, m, h);
            if (f != null) {
                return f;
            }
        }
        found.requireComplete();
        return null;
    }

    private static Finding judge(String html, Markup m, Hit h) {
        byte[] roles = m.roles();
        for (int i = h.start(); i < h.end(); i++) {
            if (roles[i] != Role.CONTENT) {
                return finding(html, h, i, Role.describe(roles[i]));
            }
        }
        int scheme = m.schemeIn(h.start(), h.end());
        return scheme < 0 ? null : finding(html, h, Math.max(h.start(), scheme), "sets a script URL");
    }

    private static Finding finding(String html, Hit h, int at, String what) {
        String reason = "input " + h.input().where() + " " + what + " in the HTML response";
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(html.length(), at + CONTEXT);
        return new Finding(AttackClass.XSS, h.input(),
                Evidence.of(what, h.text(html), html.substring(from, to)), reason);
    }
}
