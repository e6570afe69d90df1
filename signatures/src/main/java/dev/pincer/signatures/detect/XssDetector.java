package dev.pincer.signatures.detect;

/**
 * Pincer's {@code @detectXSS}: says whether a value would run script if a page echoed it, on the
 * libinjection approach. {@link HtmlTokenizer} reads the value from each place an echo can land
 * (in text, or inside an attribute value unquoted or quoted with {@code '}, {@code "} or
 * {@code `}), and {@link XssNames} judges what it finds: a dangerous tag ({@code script},
 * {@code iframe}, {@code svg}...), an event handler or other script-bearing attribute with a
 * value, a {@code javascript:}/{@code vbscript:}/{@code data:} URL in a URL attribute, script in a
 * style, a DOCTYPE, or a comment trick (IE conditional comments, backticks, {@code <?xml},
 * {@code <!ENTITY}).
 *
 * <p>Argument: a byte string (one char per byte). Result: true when it is XSS. Linear time, no
 * allocation beyond the tokenizers; never throws.
 *
 * <p>Example: {@code detect("<svg/onload=alert(1)>")} and {@code detect("x\" onmouseover=\"a()")}
 * are true; {@code detect("<b>bold</b>")} and {@code detect("a < b")} are false.
 */
public final class XssDetector {
    private static final HtmlTokenizer.Start[] STARTS = HtmlTokenizer.Start.values();

    private XssDetector() {
    }

    /** @return true when {@code value} is XSS */
    public static boolean detect(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (HtmlTokenizer.Start from : STARTS) {
            if (from != HtmlTokenizer.Start.DATA && from != HtmlTokenizer.Start.UNQUOTED
                    && value.indexOf(quote(from)) < 0) {
                continue; // a quoted start needs the quote that ends it in the value
            }
            if (scan(new HtmlTokenizer(value, from), value)) {
                return true;
            }
        }
        return false;
    }

    private static char quote(HtmlTokenizer.Start from) {
        return switch (from) {
            case SINGLE_QUOTED -> '\'';
            case DOUBLE_QUOTED -> '"';
            default -> '`';
        };
    }

    private static boolean scan(HtmlTokenizer t, String v) {
        int attribute = XssNames.HARMLESS;
        for (int type = t.next(); type != HtmlTokenizer.EOF; type = t.next()) {
            switch (type) {
                case HtmlTokenizer.DOCTYPE -> {
                    return true;
                }
                case HtmlTokenizer.TAG_OPEN -> {
                    if (XssNames.isDangerousTag(v, t.start, t.end)) {
                        return true;
                    }
                }
                case HtmlTokenizer.ATTR_NAME -> attribute = XssNames.attribute(v, t.start, t.end);
                case HtmlTokenizer.ATTR_VALUE -> {
                    if (XssNames.isDangerousValue(attribute, v, t.start, t.end)) {
                        return true;
                    }
                    attribute = XssNames.HARMLESS;
                }
                case HtmlTokenizer.COMMENT -> {
                    if (XssNames.isDangerousComment(v, t.start, t.end)) {
                        return true;
                    }
                }
                default -> attribute = XssNames.HARMLESS;
            }
        }
        return false;
    }
}
