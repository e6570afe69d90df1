package dev.pincer.signatures.transform;

/**
 * {@code t:replaceComments}: replaces each C comment ({@code /* *}{@code /}) with one space, as
 * libmodsecurity v3 ({@code replace_comments.cc}). A comment left open runs to the end and also
 * becomes one space; a stray {@code *}{@code /} stays.
 *
 * <p>Example: {@code UNION/**}{@code /SELECT/*x} gives {@code UNION SELECT }.
 */
final class ReplaceComments implements Transformation {

    @Override
    public String name() {
        return "replaceComments";
    }

    @Override
    public String apply(String value) {
        int start = value.indexOf("/*");
        if (start < 0) {
            return value;
        }
        int n = value.length();
        byte[] out = new byte[n];
        int j = 0;
        for (int i = 0; i < start; i++) {
            out[j++] = (byte) value.charAt(i);
        }
        int i = start;
        boolean inComment = false;
        while (i < n) {
            char c = value.charAt(i);
            boolean pair = i + 1 < n;
            if (!inComment) {
                if (c == '/' && pair && value.charAt(i + 1) == '*') {
                    inComment = true;
                    i += 2;
                } else {
                    out[j++] = (byte) c;
                    i++;
                }
            } else if (c == '*' && pair && value.charAt(i + 1) == '/') {
                inComment = false;
                out[j++] = ' ';
                i += 2;
            } else {
                i++;
            }
        }
        if (inComment) {
            out[j++] = ' ';
        }
        return Bytes.result(value, out, j);
    }
}
