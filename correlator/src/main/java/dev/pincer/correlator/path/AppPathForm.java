package dev.pincer.correlator.path;

/**
 * An input as it reaches a file sink after the two rewrites that hide it from a literal search: an
 * app that drops NUL characters (a legacy "sanitizer", or one that cuts at the NUL as C code
 * would have), and {@code java.io.File}, whose path as given has every run of separators collapsed
 * to one and no trailing separator ({@code new File("/srv/files", "..//secret.txt").getPath()} is
 * {@code /srv/files/../secret.txt}). Applied to each form of an input ({@code Forms}, which already
 * includes the app's extra URL decoding). A pure function, linear, never throws.
 *
 * <p>Example: {@code of("..\0//..\0/secret.txt/")} is {@code "../../secret.txt"}.
 */
final class AppPathForm {
    private AppPathForm() {
    }

    static String of(String f) {
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\0') {
                continue;
            }
            int last = b.length() - 1;
            if (PathWalk.isSep(c) && last >= 0 && b.charAt(last) == c) {
                continue;
            }
            b.append(c);
        }
        while (b.length() > 1 && PathWalk.isSep(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }
}
