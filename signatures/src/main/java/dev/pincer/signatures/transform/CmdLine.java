package dev.pincer.signatures.transform;

/**
 * {@code t:cmdLine}: folds the tricks that shells ignore, as libmodsecurity v3
 * ({@code cmd_line.cc}): deletes {@code " ' \ ^}; turns each run of space, tab, CR, LF,
 * {@code ,} and {@code ;} into one space; deletes that space before {@code /} or {@code (}; and
 * lower-cases ASCII letters.
 *
 * <p>Example: {@code C^:\"Win"dows ,; /SYSTEM32} gives {@code c:windows/system32}.
 */
final class CmdLine implements Transformation {

    @Override
    public String name() {
        return "cmdLine";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        byte[] out = new byte[n];
        int d = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            int c = value.charAt(i) & 0xFF;
            switch (c) {
                case '"', '\'', '\\', '^' -> { }
                case ' ', ',', ';', '\t', '\r', '\n' -> {
                    if (!space) {
                        out[d++] = ' ';
                        space = true;
                    }
                }
                case '/', '(' -> {
                    if (space) {
                        d--;
                    }
                    space = false;
                    out[d++] = (byte) c;
                }
                default -> {
                    out[d++] = (byte) Bytes.toLower(c);
                    space = false;
                }
            }
        }
        return Bytes.result(value, out, d);
    }
}
