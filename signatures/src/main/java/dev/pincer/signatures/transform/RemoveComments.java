package dev.pincer.signatures.transform;

/**
 * {@code t:removeComments}: removes C ({@code /* *}{@code /}) and HTML ({@code <!-- -->}) comments
 * and cuts the value at the first SQL or shell line comment ({@code --} or {@code #}) outside a
 * comment, as libmodsecurity v3 ({@code remove_comments.cc}), with its quirks:
 * <ul>
 *   <li>the byte right after a closing {@code *}{@code /} or {@code -->} is copied without being
 *       looked at, and when the comment closes at the very end that byte is v3's terminating NUL,
 *       so {@code /*x*}{@code /} gives one NUL byte;</li>
 *   <li>a comment left open at the end becomes one space.</li>
 * </ul>
 *
 * <p>Example: {@code UNION/**}{@code /SELECT 1 -- x} gives {@code UNIONSELECT 1 }.
 */
final class RemoveComments implements Transformation {

    @Override
    public String name() {
        return "removeComments";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && "/<-#".indexOf(value.charAt(first)) < 0) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        byte[] out = new byte[n + 1];
        boolean inComment = false;
        int i = 0;
        int j = 0;
        while (i < n) {
            int c = in[i];
            int c1 = Bytes.at(in, i + 1);
            if (!inComment) {
                if (c == '/' && c1 == '*') {
                    inComment = true;
                    i += 2;
                } else if (c == '<' && c1 == '!' && Bytes.at(in, i + 2) == '-' && Bytes.at(in, i + 3) == '-') {
                    inComment = true;
                    i += 4;
                } else if ((c == '-' && c1 == '-') || c == '#') {
                    break;
                } else {
                    out[j++] = in[i++];
                }
            } else if (c == '*' && c1 == '/') {
                inComment = false;
                i += 2;
                out[j++] = (byte) Bytes.at(in, i++);
            } else if (c == '-' && c1 == '-' && Bytes.at(in, i + 2) == '>') {
                inComment = false;
                i += 3;
                out[j++] = (byte) Bytes.at(in, i++);
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
