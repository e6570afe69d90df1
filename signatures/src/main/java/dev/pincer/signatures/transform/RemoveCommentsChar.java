package dev.pincer.signatures.transform;

/**
 * {@code t:removeCommentsChar}: removes the comment markers themselves, {@code /*},
 * {@code *}{@code /}, {@code <!--}, {@code -->}, {@code --} and {@code #}, and keeps what is
 * between them, as libmodsecurity v3 ({@code remove_comments_char.cc}).
 *
 * <p>Example: {@code UNI/**}{@code /ON#x--y} gives {@code UNIONxy}.
 */
final class RemoveCommentsChar implements Transformation {

    @Override
    public String name() {
        return "removeCommentsChar";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && "/*<-#".indexOf(value.charAt(first)) < 0) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        byte[] out = new byte[n];
        int d = 0;
        int s = 0;
        while (s < n) {
            int c = in[s];
            int c1 = Bytes.at(in, s + 1);
            if ((c == '/' && c1 == '*') || (c == '*' && c1 == '/')) {
                s += 2;
            } else if (c == '<' && c1 == '!' && Bytes.at(in, s + 2) == '-' && Bytes.at(in, s + 3) == '-') {
                s += 4;
            } else if (c == '-' && c1 == '-' && Bytes.at(in, s + 2) == '>') {
                s += 3;
            } else if (c == '-' && c1 == '-') {
                s += 2;
            } else if (c == '#') {
                s += 1;
            } else {
                out[d++] = in[s++];
            }
        }
        return Bytes.result(value, out, d);
    }
}
