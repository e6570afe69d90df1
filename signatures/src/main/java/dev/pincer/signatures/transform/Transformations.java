package dev.pincer.signatures.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registry of transformations: one explicit list of every {@code t:} name Pincer knows,
 * which is every transformation of libmodsecurity v3 ({@code src/actions/transformations/}) and
 * so every one that CRS v4 uses. Names match case-insensitively (ASCII), as v3's lexer matches
 * them ({@code (?i:t:lowercase)} in {@code seclang-scanner.ll}): {@code t:base64decode} is
 * {@code base64Decode}.
 *
 * <p>Every instance is stateless and thread-safe. {@code none} is the identity here; that it also
 * drops the inherited transformations is the rule compiler's business.
 *
 * <p>Example: {@code Transformations.byName("urlDecodeUni").apply("%u0027")} gives {@code '}.
 */
public final class Transformations {

    private static final List<Transformation> ALL = List.of(
            new Base64Decode(),
            new Base64DecodeExt(),
            new Base64Encode(),
            new CmdLine(),
            new CompressWhitespace(),
            new CssDecode(),
            new EscapeSeqDecode(),
            new HexDecode(),
            new HexEncode(),
            new HtmlEntityDecode(),
            new JsDecode(),
            new Length(),
            new LowerCase(),
            new Md5(),
            new None(),
            new NormalisePath("normalizePath"),
            new NormalisePath("normalisePath"),
            new NormalisePathWin("normalizePathWin"),
            new NormalisePathWin("normalisePathWin"),
            new ParityEven7bit(),
            new ParityOdd7bit(),
            new ParityZero7bit(),
            new RemoveComments(),
            new RemoveCommentsChar(),
            new RemoveNulls(),
            new RemoveWhitespace(),
            new ReplaceComments(),
            new ReplaceNulls(),
            new Sha1(),
            new SqlHexDecode(),
            new Trim(),
            new TrimLeft(),
            new TrimRight(),
            new UpperCase(),
            new UrlDecode(),
            new UrlDecodeUni(),
            new UrlEncode(),
            new Utf8ToUnicode());

    private static final Map<String, Transformation> BY_KEY = index();
    private static final Set<String> NAMES = names(ALL);

    private Transformations() {}

    private static Map<String, Transformation> index() {
        Map<String, Transformation> byKey = new LinkedHashMap<>();
        for (Transformation t : ALL) {
            if (byKey.put(key(t.name()), t) != null) {
                throw new IllegalStateException("two transformations named " + t.name());
            }
        }
        return Map.copyOf(byKey);
    }

    private static Set<String> names(List<Transformation> all) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Transformation t : all) {
            names.add(t.name());
        }
        return Collections.unmodifiableSet(names);
    }

    /** ASCII lower case: v3's lexer folds only ASCII, so no Unicode case folding here. */
    private static String key(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
            }
        }
        return new String(chars);
    }

    /**
     * The transformation written {@code name} after {@code t:}, in any ASCII case.
     *
     * @throws IllegalArgumentException "unknown transformation 'x'" when there is none
     */
    public static Transformation byName(String name) {
        Objects.requireNonNull(name, "name");
        Transformation t = BY_KEY.get(key(name));
        if (t == null) {
            throw new IllegalArgumentException("unknown transformation '" + name + "'");
        }
        return t;
    }

    /**
     * As {@link #byName(String)}, but {@code urlDecodeUni} decodes {@code %uXXXX} through
     * {@code unicodeMap}, the table of the rule set's {@code SecUnicodeMapFile}.
     *
     * @param unicodeMap the rule set's map, or null when it has none
     * @throws IllegalArgumentException "unknown transformation 'x'" when there is none
     */
    public static Transformation byName(String name, UnicodeMap unicodeMap) {
        Transformation t = byName(name);
        return unicodeMap != null && t instanceof UrlDecodeUni ? unicodeMap.urlDecodeUni() : t;
    }

    /** Every registered name in ModSecurity's spelling, both spellings of normalizePath(Win). */
    public static Set<String> names() {
        return NAMES;
    }
}
