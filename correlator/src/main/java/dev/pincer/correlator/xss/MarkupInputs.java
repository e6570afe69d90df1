package dev.pincer.correlator.xss;

import dev.pincer.correlator.analyzer.internal.Decoding;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which inputs could change an HTML document's structure if a page echoed them: those carrying a
 * markup character. A form of an input (as it arrived, URL-decoded once or twice, HTML-unescaped)
 * carries markup when it holds {@code <}, {@code >}, {@code "}, {@code '} or {@code `}; or an
 * {@code =} right after an attribute name that changes what a tag does (an event handler
 * {@code on...}, {@code style}, {@code src}, {@code href}, {@code srcdoc}, ...) preceded by white
 * space or {@code /} (what adds an attribute to an unquoted value); or a dangerous URL scheme
 * ({@code javascript:}, {@code vbscript:}, {@code data:}, spaces and tabs ignored); or a template
 * literal's {@code ${}. A form that spells any of these with HTML character references
 * ({@code javascript&colon;}, {@code &#39;}) carries markup too: an attribute value is decoded
 * before its script or URL is read. An {@code =}
 * elsewhere ({@code q=0.9} in an {@code Accept} header) is not markup.
 *
 * <p>Responses are held for the XSS check only when a request has such an input, so this is the
 * cost every HTML response pays: linear in the inputs' lengths.
 *
 * <p>Example: {@code "O'Brien"} and {@code "x onmouseover=alert(1)"} carry markup;
 * {@code "text/html;q=0.9"} and {@code "a = b"} do not.
 */
public final class MarkupInputs {
    private static final String CHARS = "<>\"'`";
    /** Inputs longer than this are searched by segments ({@link #of}). */
    static final int LONG = 4096;
    private static final String[] SCHEMES = {"javascript:", "vbscript:", "data:"};
    private static final String[] ATTRS = {"style", "src", "href", "srcdoc", "action", "formaction", "xlink:href",
        "data", "background", "poster", "autofocus", "id", "class", "name", "type", "value"};

    private MarkupInputs() {
    }

    /** True when some input of {@code inputs} carries markup in one of its forms. */
    public static boolean any(RequestInputs inputs) {
        for (Input in : inputs.inputs()) {
            if (carries(in)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The inputs of {@code inputs} that carry markup, in order. An input longer than
     * {@link #LONG} characters is replaced by its overlapping {@link #LONG}-character segments
     * (of its decoded, twice-decoded and HTML-unescaped readings) that carry markup, each an input
     * of the same source and name: a page that echoes a long value echoes every segment of it, and
     * a segment's occurrence is judged like the whole's, while the search stays within windows.
     */
    static List<Input> of(RequestInputs inputs) {
        List<Input> out = new ArrayList<>();
        for (Input in : inputs.inputs()) {
            if (!carries(in)) {
                continue;
            }
            if (in.raw().length() <= LONG && in.decoded().length() <= LONG) {
                out.add(in);
                continue;
            }
            String d = in.decoded();
            for (String reading : new java.util.LinkedHashSet<>(List.of(d, Decoding.percent(d), Decoding.html(d)))) {
                for (int from = 0; from < reading.length(); from += LONG / 2) {
                    String seg = reading.substring(from, Math.min(reading.length(), from + LONG));
                    if (markupForm(seg)) {
                        out.add(new Input(in.source(), in.name(), seg, seg));
                    }
                    if (from + LONG >= reading.length()) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    static boolean carries(Input in) {
        String d = in.decoded();
        return markupForm(in.raw()) || markupForm(d) || markupForm(Decoding.percent(d));
    }

    /** True when {@code form} or its HTML-unescaped reading carries markup. */
    static boolean markupForm(String form) {
        return markup(form) || form.indexOf('&') >= 0 && markup(Decoding.html(form));
    }

    /** True when {@code form} carries markup (the class comment says exactly when). */
    public static boolean markup(String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (CHARS.indexOf(c) >= 0 || c == '=' && addsAttribute(form, i) || c == ':' && scheme(form, i)
                    || c == '$' && i + 1 < form.length() && form.charAt(i + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    /** {@code form[eq]} is '=': is it preceded by white space or '/' and an attribute name that matters? */
    private static boolean addsAttribute(String form, int eq) {
        int j = eq;
        while (j > 0 && HtmlTokenizer.space(form.charAt(j - 1))) {
            j--;
        }
        int end = j;
        while (j > 0 && !HtmlTokenizer.space(form.charAt(j - 1)) && form.charAt(j - 1) != '/'
                && end - j < 32) {
            j--;
        }
        if (j == end || j == 0 || end - j >= 32) {
            return false; // no name, or nothing before it: a plain "name=value"
        }
        String name = form.substring(j, end).toLowerCase(Locale.ROOT);
        if (name.length() > 2 && name.startsWith("on")) {
            return true;
        }
        for (String a : ATTRS) {
            if (a.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code form[colon]} is ':': does a dangerous scheme end there (spaces and controls inside ignored)? */
    private static boolean scheme(String form, int colon) {
        for (String s : SCHEMES) {
            int k = s.length() - 2; // the scheme's last letter
            int j = colon - 1;
            while (k >= 0 && j >= 0) {
                char c = form.charAt(j);
                if (c <= 0x20) {
                    j--;
                    continue;
                }
                if (Character.toLowerCase(c) != s.charAt(k)) {
                    break;
                }
                k--;
                j--;
            }
            if (k < 0) {
                return true;
            }
        }
        return false;
    }
}
