package dev.pincer.correlator.xss;

/**
 * What one character of an HTML response is to a browser, as {@link HtmlTokenizer} reads it: a
 * byte per character in {@link Markup#roles()}. {@link #CONTENT} is text, an attribute value's
 * characters, a comment's or a raw-text element's content; every other role is structure, and an
 * input whose occurrence covers such a character changed the document's structure.
 *
 * <p>Example: in {@code <a title="x">}, {@code <a} is {@link #TAG_OPEN}, the space and
 * {@code title} are {@link #TAG_INSIDE}, {@code =} is {@link #ATTR_EQ}, both {@code "} are
 * {@link #QUOTE}, {@code x} is {@link #CONTENT} and {@code >} is {@link #TAG_END}.
 */
final class Role {
    static final byte CONTENT = 0;
    /** {@code <} and the name of a start tag. */
    static final byte TAG_OPEN = 1;
    /** {@code </} and the name of an end tag. */
    static final byte END_TAG = 2;
    /** Inside a tag: whitespace, {@code /}, attribute names. */
    static final byte TAG_INSIDE = 3;
    /** The {@code =} between an attribute's name and its value. */
    static final byte ATTR_EQ = 4;
    /** A quote that opens or closes an attribute value. */
    static final byte QUOTE = 5;
    /** The {@code >} that ends a tag. */
    static final byte TAG_END = 6;
    /** {@code <!--}, {@code <!}, {@code <?}, {@code <![CDATA[}: a comment or declaration opens. */
    static final byte COMMENT_OPEN = 7;
    /** {@code -->}, {@code >} or {@code ]]>} ending one. */
    static final byte COMMENT_CLOSE = 8;
    /** Script syntax: a string, template or comment delimiter, or punctuation in code. */
    static final byte SCRIPT = 9;
    /** Style-sheet syntax: a string or comment delimiter, a brace or a semicolon. */
    static final byte STYLE = 10;

    private Role() {
    }

    /** The clause a finding's reason uses for a structural role. */
    static String describe(byte role) {
        return switch (role) {
            case TAG_OPEN -> "opens a tag";
            case END_TAG -> "closes a tag";
            case TAG_INSIDE -> "adds an attribute";
            case ATTR_EQ -> "adds an attribute value";
            case QUOTE -> "breaks out of a quoted attribute value";
            case TAG_END -> "ends a tag";
            case COMMENT_OPEN -> "opens a comment or declaration";
            case COMMENT_CLOSE -> "closes a comment";
            case SCRIPT -> "changes the syntax of a script";
            case STYLE -> "changes the syntax of a style sheet";
            default -> "is content";
        };
    }
}
