package dev.pincer.signatures.transform;

import java.util.Arrays;
import java.util.Objects;

/**
 * The table of {@code SecUnicodeMapFile}: which byte {@code urlDecodeUni} gives for a
 * {@code %uXXXX}, read from one code page of a ModSecurity {@code unicode.mapping} file, as
 * libmodsecurity v3 ({@code ConfigUnicodeMap::loadConfig}). Without one, {@code %uXXXX} gives its
 * lower byte; with one, a mapped code point gives its mapped byte (code page 20127 maps
 * {@code %u00ab} to {@code <}, IIS's "best fit"), and an unmapped one still gives its lower byte.
 *
 * <p>The file is whitespace-separated tokens: a token whose leading decimal number is the code
 * page starts that page's section; its {@code hex:hex} tokens follow, and the first other token
 * after them ends it. As in v3, U+002E, U+3002, U+FF0E and U+FF61 map to {@code .} unless the
 * file says otherwise. Unlike v3, a code page that is not in the file is an error.
 *
 * <p>Example: {@code parse("20127 (US-ASCII)\n00ab:3c 2215:2f\n", 20127)} maps {@code %u00ab} to
 * {@code <} and {@code %u2215} to {@code /}.
 */
public final class UnicodeMap {

    private final int[] table;
    private final Transformation urlDecodeUni;

    private UnicodeMap(int[] table) {
        this.table = table;
        this.urlDecodeUni = new UrlDecodeUni(table);
    }

    /**
     * Reads the section of {@code codePage} from the text of a unicode.mapping file.
     *
     * @throws IllegalArgumentException when the code page is not positive or not in the text, or
     *     a mapping of its section is not {@code hex:hex}
     */
    public static UnicodeMap parse(String text, int codePage) {
        Objects.requireNonNull(text, "text");
        if (codePage <= 0) {
            throw new IllegalArgumentException("code page " + codePage + " (expected a positive number such as 20127)");
        }
        int[] table = new int[65536];
        Arrays.fill(table, -1);
        table[0x002E] = '.';
        table[0x3002] = '.';
        table[0xFF0E] = '.';
        table[0xFF61] = '.';
        boolean found = false;
        boolean processing = false;
        for (String token : text.split("[ \t\n\r]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (leadingNumber(token) == codePage) {
                found = true;
            }
            int colon = token.indexOf(':');
            if (found && colon >= 0) {
                processing = true;
                int code = hex(token.substring(0, colon), token);
                int map = hex(token.substring(colon + 1), token);
                if (code >= 0 && code <= 0xFFFF) {
                    table[code] = map;
                }
            } else if (processing) {
                break;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("code page " + codePage + " is not in the unicode map file");
        }
        return new UnicodeMap(table);
    }

    /** {@code atol}: the decimal digits a token starts with, or 0. */
    private static long leadingNumber(String token) {
        long n = 0;
        for (int i = 0; i < token.length() && i < 18 && Character.isDigit(token.charAt(i)) && token.charAt(i) < 128; i++) {
            n = n * 10 + (token.charAt(i) - '0');
        }
        return n;
    }

    private static int hex(String digits, String token) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Bytes::isHex)) {
            throw new IllegalArgumentException("bad mapping '" + token + "' in the unicode map file (expected hex:hex)");
        }
        return Integer.parseInt(digits, 16);
    }

    /** The byte {@code code} maps to, or -1 when it is not mapped. */
    public int map(int code) {
        return code >= 0 && code < table.length ? table[code] : -1;
    }

    /** {@code t:urlDecodeUni} decoding {@code %uXXXX} through this table. */
    Transformation urlDecodeUni() {
        return urlDecodeUni;
    }
}
