package dev.pincer.correlator.deser;

import java.util.function.Predicate;

/**
 * Class names as a deserialization stream gives them, and the entry syntax of the deny-list and
 * of {@code correlator.deserialization.allow}: a binary class name ({@code com.shop.Cart}, which
 * also covers {@code com.shop.Cart$Line}) or a package prefix ending in {@code .}
 * ({@code com.shop.model.}).
 *
 * <p>Example: {@code longestMatch(Set.of("com.shop.", "com.shop.Cart")::contains, "com.shop.Cart$Line")}
 * is {@code "com.shop.Cart"}.
 */
final class ClassNames {
    /** Class names are at most a few hundred characters; a name over this is judged by its first part. */
    static final int MAX_NAME = 1024;

    private ClassNames() {
    }

    /**
     * The binary name of a class as the stream names it: array descriptors unwrapped
     * ({@code [[Lcom/x/Y;} to {@code com.x.Y}), internal names read as binary names, blanks
     * trimmed, cut at {@link #MAX_NAME}. A primitive array ({@code [B}) becomes its type code
     * ({@code B}), which no entry matches.
     */
    static String normalize(String raw) {
        String s = raw.strip();
        if (s.length() > MAX_NAME) {
            s = s.substring(0, MAX_NAME);
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        if (i > 0 && i < s.length() && s.charAt(i) == 'L' && s.endsWith(";")) {
            s = s.substring(i + 1, s.length() - 1);
        } else if (i > 0) {
            s = s.substring(i);
        }
        return s.replace('/', '.');
    }

    /**
     * True when a normalised name can name a class at all: non-empty, no empty segment (no leading,
     * trailing or doubled {@code .}), and none of the characters the JVM forbids in a binary name
     * ({@code [}, {@code ;}; {@code /} is already {@code .}: hidden classes such as
     * {@code com.shop.Foo$$Lambda/0x0000000800c03000} pass). A name the JVM could never load is
     * never passed as judged.
     */
    static boolean isBinaryName(String name) {
        if (name.isEmpty() || name.charAt(0) == '.' || name.charAt(name.length() - 1) == '.') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ';' || (c == '.' && prev == '.')) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /** True for a primitive array descriptor ({@code [B}, {@code [[I}): the only names that are not classes. */
    static boolean isPrimitiveArray(String raw) {
        String s = raw.strip();
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        return i > 0 && s.length() == i + 1 && "ZBCSIJFD".indexOf(s.charAt(i)) >= 0;
    }

    /**
     * The longest entry {@code present} accepts that covers {@code name}: the name itself, the name
     * cut before any {@code $} (its enclosing classes), or the name cut after any {@code .} (its
     * packages). Null when none does. Linear in the name.
     */
    static String longestMatch(Predicate<String> present, String name) {
        if (present.test(name)) {
            return name;
        }
        for (int i = name.length() - 1; i > 0; i--) {
            char c = name.charAt(i);
            if (c == '$') {
                String outer = name.substring(0, i);
                if (present.test(outer)) {
                    return outer;
                }
            } else if (c == '.') {
                String prefix = name.substring(0, i + 1);
                if (present.test(prefix)) {
                    return prefix;
                }
            }
        }
        return null;
    }

    /**
     * True for a binary class name or package prefix: dot-separated Java identifiers (with
     * {@code $} allowed), optionally ending in {@code .}.
     */
    static boolean isNameOrPrefix(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME || s.charAt(0) == '.') {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
            } else if (segmentStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return true;
    }
}
