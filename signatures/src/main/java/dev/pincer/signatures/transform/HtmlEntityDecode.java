package dev.pincer.signatures.transform;

/**
 * {@code t:htmlEntityDecode}: decodes HTML character references to bytes, as libmodsecurity v3
 * ({@code html_entity_decode.cc}, v3.0.13 and later):
 * <ul>
 *   <li>{@code &#xHH} reads at most two hex digits ({@code &#x41} is {@code A}; {@code &#x414}
 *       is {@code A4}), {@code &#DDD} at most three decimal digits, kept to the low byte
 *       ({@code &#999} is 0xE7). Leading zeros do not count ({@code &#0000123;} is {@code &#123;},
 *       as in v3 after its fix for ModSecurity issue 3340, which the secrules-language-tests
 *       and CRS test 944150-23 expect). The {@code ;} is optional and consumed when present. v2
 *       read every digit; v3 stops after two or three.</li>
 *   <li>Named references: only {@code quot}, {@code amp}, {@code lt}, {@code gt} and {@code nbsp}
 *       (to 0xA0), case-insensitively. The name is the whole run of ASCII letters and digits
 *       after {@code &}, and a name that merely starts with one of the five decodes and is
 *       consumed whole ({@code &ltfoo;} is {@code <}). Any other name stays as written.</li>
 *   <li>{@code &#}, {@code &#x} and {@code &} with nothing decodable after them stay as they
 *       are ({@code &#x;} is unchanged).</li>
 * </ul>
 *
 * <p>Example: {@code &lt;script&GT;&#x61;lert(&#49;)} gives {@code <script>alert(1)}.
 */
final class HtmlEntityDecode implements Transformation {

    private static final String[] NAMES = {"quot", "amp", "lt", "gt", "nbsp"};
    private static final byte[] VALUES = {'"', '&', '<', '>', (byte) Bytes.NBSP};

    @Override
    public String name() {
        return "htmlEntityDecode";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('&');
        if (first < 0) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        int n = in.length;
        byte[] out = new byte[n];
        System.arraycopy(in, 0, out, 0, first);
        int d = first;
        int i = first;
        while (i < n) {
            int copy = 1;
            if (in[i] == '&' && i + 1 < n) {
                int j = i + 1;
                if (in[j] == '#') {
                    copy = 2;
                    if (j + 1 < n) {
                        j++;
                        boolean hex = in[j] == 'x' || in[j] == 'X';
                        if (hex) {
                            copy = 3;
                            j++;
                        }
                        if (!hex || j < n) {
                            int k = j;
                            while (j < n && in[j] == '0') {
                                j++;
                            }
                            int digits = j;
                            int max = hex ? 2 : 3;
                            int v = 0;
                            while (j - digits < max && j < n && (hex ? Bytes.isHex(in[j]) : Bytes.isDigit(in[j]))) {
                                v = v * (hex ? 16 : 10) + Bytes.hexValue(in[j]);
                                j++;
                            }
                            if (j > k) {
                                out[d++] = (byte) v;
                                i = j < n && in[j] == ';' ? j + 1 : j;
                                continue;
                            }
                        }
                    }
                } else {
                    int k = j;
                    while (j < n && Bytes.isAlnum(in[j])) {
                        j++;
                    }
                    if (j > k) {
                        int entity = named(in, k, j);
                        if (entity >= 0) {
                            out[d++] = VALUES[entity];
                            i = j < n && in[j] == ';' ? j + 1 : j;
                            continue;
                        }
                        copy = j - k + 1;
                    }
                }
            }
            System.arraycopy(in, i, out, d, copy);
            d += copy;
            i += copy;
        }
        return Bytes.result(value, out, d);
    }

    /** The index in {@link #NAMES} of the first name that {@code in[k..j)} starts with, or -1. */
    private static int named(byte[] in, int k, int j) {
        for (int e = 0; e < NAMES.length; e++) {
            String name = NAMES[e];
            if (j - k < name.length()) {
                continue;
            }
            int m = 0;
            while (m < name.length() && Bytes.toLower(in[k + m] & 0xFF) == name.charAt(m)) {
                m++;
            }
            if (m == name.length()) {
                return e;
            }
        }
        return -1;
    }
}
