package dev.pincer.inspection.hint;

/**
 * Rule 3 of {@link InputHint}: the SYNTAX, PATH and URL bits of one string, in one pass, no
 * allocation.
 *
 * <p>Example: {@code of("42")} is {@code URL}; {@code of("id")} and {@code of("1 or 1=1")} are
 * {@code SYNTAX | URL};
 * {@code of("../etc")} is {@code ALL}; {@code of("")} is 0.
 */
final class ValueBits {
    private ValueBits() {
    }

    static int of(String s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int bits = InputHint.URL;
        if (s.charAt(0) == '.') {
            bits |= InputHint.PATH;
        }
        char previous = 0;
        for (int i = 0; i < n && bits != InputHint.ALL; i++) {
            char c = s.charAt(i);
            if (c == '.' && previous == '.') {
                bits |= InputHint.SYNTAX | InputHint.PATH;
            } else if (!(c >= '0' && c <= '9' || c == '.')) {
                bits |= InputHint.SYNTAX; // a letter too: a bare name where SQL expects a value is an injection
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '@')
                        && (c == '/' || c == '\\' || c == ':' || c == '~' || c == '&' || c < 0x20 || c >= 0x7f)) {
                    bits |= InputHint.PATH;
                }
            }
            previous = c;
        }
        return bits;
    }
}
