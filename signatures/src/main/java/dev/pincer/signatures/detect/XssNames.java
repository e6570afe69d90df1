package dev.pincer.signatures.detect;

/**
 * What {@link XssDetector} treats as dangerous, chosen from the HTML, SVG and MathML
 * specifications and the browser behaviours XSS filters document. Names compare
 * case-insensitively (ASCII), ignoring NUL bytes (browsers drop them), without allocating
 * unless a name holds a NUL.
 *
 * <p>Examples: {@code isDangerousTag("<SCRIPT", 1, 7)} is true; {@code attribute("onerror")} is
 * {@link #SCRIPT}; a {@link #URL} attribute with the value {@code jav&#x09;ascript:alert(1)} is
 * dangerous, one with {@code /index.html} is not.
 */
final class XssNames {
    static final int HARMLESS = 0, SCRIPT = 1, URL = 2, STYLE = 3, INDIRECT = 4;

    /**
     * Elements that run script, load documents or plugins, or change how the page resolves; and
     * the parser-confusion ones ({@code comment} in old IE, {@code noscript} for mutation XSS,
     * SVG Tiny's {@code handler} and {@code listener}).
     */
    private static final WordTable TAGS = table("script", "iframe", "frame", "frameset",
            "object", "embed", "applet", "base", "meta", "link", "style", "math", "xml",
            "import", "vmlframe", "isindex", "bgsound", "layer", "ilayer", "portal",
            "comment", "handler", "listener", "noscript", "xss");

    /** Attributes whose value is a URL a browser may navigate to or load. */
    private static final WordTable URL_ATTRIBUTES = table("href", "src", "action",
            "formaction", "background", "dynsrc", "lowsrc", "poster", "data", "codebase",
            "cite", "longdesc", "usemap", "profile", "manifest", "icon", "from", "to", "values",
            "by", "ping", "archive", "classid", "srcset");

    /** Attributes that carry script or markup whatever their value. */
    private static final WordTable SCRIPT_ATTRIBUTES = table("srcdoc", "datasrc", "datafld",
            "dataformatas", "filter", "folder", "seeksegmenttime", "formtarget");

    /** English words that start like an event handler but are none. */
    private static final WordTable NOT_HANDLERS = table("onion", "online", "onset", "onward",
            "onwards", "onyx", "onerous", "ongoing", "onlooker");

    private static final String[] URL_SCHEMES = {"javascript", "vbscript", "livescript",
        "mocha", "data", "view-source", "jar"};

    private static final String[] STYLE_SCRIPT = {"expression", "javascript:", "vbscript:",
        "behavior", "-moz-binding", "@import", "url(data:", "url(javascript", "url(vbscript"};

    private XssNames() {
    }

    private static WordTable table(String... words) {
        WordTable t = new WordTable(words.length);
        for (String w : words) {
            t.put(w.toUpperCase(java.util.Locale.ROOT), 'y');
        }
        return t;
    }

    /** @return the name in {@code s[from, to)} without its NULs, or null when it has none */
    private static String withoutNuls(String s, int from, int to) {
        int nul = s.indexOf(0, from);
        if (nul < 0 || nul >= to) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(to - from, 64));
        for (int i = from; i < to && b.length() < 64; i++) {
            if (s.charAt(i) != 0) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    static boolean isDangerousTag(String s, int from, int to) {
        String clean = withoutNuls(s, from, to);
        if (clean != null) {
            return isDangerousTag(clean, 0, clean.length());
        }
        return TAGS.get(s, from, to) != 0 || startsWith(s, from, to, "svg")
                || startsWith(s, from, to, "xsl");
    }

    static int attribute(String s, int from, int to) {
        String clean = withoutNuls(s, from, to);
        if (clean != null) {
            return attribute(clean, 0, clean.length());
        }
        int len = to - from;
        if (len >= 5 && startsWith(s, from, to, "on") && NOT_HANDLERS.get(s, from, to) == 0) {
            return SCRIPT; // event handlers, known or future: oncut, onload, onbeforehellfreezes
        }
        if (startsWith(s, from, to, "xmlns") || startsWith(s, from, to, "xlink")) {
            return SCRIPT; // a namespace makes x:script a script element
        }
        if (len == 5 && startsWith(s, from, to, "style")) {
            return STYLE;
        }
        if (len == 13 && startsWith(s, from, to, "attributename")) {
            return INDIRECT; // SVG <set attributeName="onload">
        }
        if (URL_ATTRIBUTES.get(s, from, to) != 0) {
            return URL;
        }
        return SCRIPT_ATTRIBUTES.get(s, from, to) != 0 ? SCRIPT : HARMLESS;
    }

    static boolean isDangerousValue(int attribute, String s, int from, int to) {
        return switch (attribute) {
            case SCRIPT -> true;
            case URL -> isScriptUrl(s, from, to);
            case STYLE -> containsAny(s, from, to, STYLE_SCRIPT);
            case INDIRECT -> attribute(s, from, to) == SCRIPT;
            default -> false;
        };
    }

    /**
     * The URL's scheme, read the way browsers read it, and old browsers more loosely: character
     * references ({@code &#x6a;}, {@code &#106;}, {@code &colon;}, {@code &Tab;}) decoded, leading
     * spaces and controls skipped, and spaces and controls inside dropped ({@code java\tscript:}).
     */
    static boolean isScriptUrl(String s, int from, int to) {
        StringBuilder scheme = new StringBuilder(16);
        int i = from;
        int guard = 0;
        while (i < to && scheme.length() < 16 && guard++ < 256) {
            int c = s.charAt(i);
            int next = i + 1;
            if (c == '&') {
                long r = XssEntities.decode(s, i, to);
                if (r >= 0) {
                    c = (int) (r >>> 32);
                    next = (int) r;
                }
            }
            i = next;
            if (c <= ' ' || (c >= 0x7F && scheme.length() == 0)) {
                continue;
            }
            if (c == ':') {
                String sc = scheme.toString();
                for (String bad : URL_SCHEMES) {
                    if (sc.equals(bad)) {
                        return true;
                    }
                }
                return false;
            }
            scheme.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c);
        }
        return false;
    }

    /**
     * Whether the style, read as CSS reads it (comments removed, {@code \\75}-style escapes
     * decoded, spaces and case ignored; at most 4 KiB of it), contains one of the needles.
     */
    private static boolean containsAny(String s, int from, int to, String[] needles) {
        StringBuilder b = new StringBuilder(Math.min(to - from, 4096));
        int i = from;
        while (i < to && b.length() < 4096) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 || close >= to ? to : close + 2;
                continue;
            }
            if (c == '\\') {
                int j = i + 1;
                int v = 0;
                while (j < to && j - i <= 6 && Character.digit(s.charAt(j), 16) >= 0
                        && s.charAt(j) < 0x80) {
                    v = v * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                }
                if (j > i + 1) {
                    c = (char) (v & 0xFF);
                    i = j < to && s.charAt(j) == ' ' ? j + 1 : j;
                } else {
                    i++;
                    continue;
                }
            } else {
                i++;
            }
            if (c > ' ') {
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        }
        String folded = b.toString();
        for (String needle : needles) {
            if (folded.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** IE conditional comments, backtick comments (old IE), XML and DTD declarations. */
    static boolean isDangerousComment(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '`') {
                return true;
            }
        }
        int i = from;
        while (i < to && (s.charAt(i) == '?' || s.charAt(i) == 0)) {
            i++;
        }
        return startsWith(s, i, to, "[if") || startsWith(s, i, to, "[endif")
                || startsWith(s, i, to, "xml") || startsWith(s, i, to, "import")
                || startsWith(s, i, to, "entity");
    }

    private static boolean startsWith(String s, int i, int to, String word) {
        return to - i >= word.length() && s.regionMatches(true, i, word, 0, word.length());
    }
}
