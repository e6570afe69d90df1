package dev.pincer.inspection.input;

/**
 * Whether a name is a plain word, which no sink can read as anything but a word: one or more of
 * {@code [A-Za-z0-9_.-]}, not starting with {@code .} or {@code -}, and without {@code ..} or
 * {@code --}. Such a name cannot close a quoted literal, add an operator, a comment, a path step,
 * an option or a separator, so it is no input of its own (it stays the name of its value input)
 * and costs none of the input budget; any other name is a {@code *_NAME} input. The leading
 * {@code -} (an option to a command), leading {@code .} (a hidden or relative file), {@code ..}
 * (a path step) and {@code --} (an SQL comment) are what make the exceptions. Linear, no allocation.
 *
 * <p>Example: {@code id}, {@code user_name}, {@code x-request-id}, {@code a.b} are plain;
 * {@code user[name]}, {@code x'or'1}, {@code a b}, {@code -rf}, {@code ..}, {@code a--} and
 * {@code ""} are not (an empty name is not plain, but an empty name with no value is nothing).
 */
public final class PlainName {
    private PlainName() {
    }

    public static boolean test(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '.' || s.charAt(0) == '-') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            if (!word && (c != '.' && c != '-' || c == previous)) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
