package dev.pincer.signatures.detect;

/**
 * One SQL token as {@link SqlLexer} produces it and {@link SqlFolder} reduces it: a one-character
 * type (the letter that appears in the fingerprint), the token text, and for strings which quote
 * opened and closed it. Mutable and reused: the folder keeps a handful of these per scan.
 *
 * <p>Types: {@code k} keyword, {@code U} union, {@code E} statement (select, insert...),
 * {@code B} group/order by, {@code T} T-SQL verb (waitfor, exec...), {@code t} SQL type,
 * {@code f} function, {@code n} bareword, {@code 1} number, {@code v} variable, {@code s} string,
 * {@code o} operator, {@code &} logic operator, {@code c} comment, {@code A} collate,
 * {@code ( ) { } . , : ;} punctuation, {@code \} backslash, {@code ?} unknown, {@code X} evil
 * (nested or MySQL-conditional comment). Example: {@code 1' OR '1'='1} read after a single quote
 * gives {@code s & s o s}.
 */
final class SqlToken {
    static final char KEYWORD = 'k', UNION = 'U', EXPRESSION = 'E', GROUP = 'B', TSQL = 'T',
            SQLTYPE = 't', FUNCTION = 'f', BAREWORD = 'n', NUMBER = '1', VARIABLE = 'v',
            STRING = 's', OPERATOR = 'o', LOGIC = '&', COMMENT = 'c', COLLATE = 'A',
            LEFTPARENS = '(', RIGHTPARENS = ')', LEFTBRACE = '{', RIGHTBRACE = '}', DOT = '.',
            COMMA = ',', COLON = ':', SEMICOLON = ';', BACKSLASH = '\\', UNKNOWN = '?',
            EVIL = 'X';

    /** No quote: the string was opened by the context, or is still open at the end. */
    static final char NO_QUOTE = 0;

    char type;
    String value = "";
    char strOpen;
    char strClose;

    void set(char type, String value) {
        this.type = type;
        this.value = value;
        this.strOpen = NO_QUOTE;
        this.strClose = NO_QUOTE;
    }

    void copyFrom(SqlToken o) {
        type = o.type;
        value = o.value;
        strOpen = o.strOpen;
        strClose = o.strClose;
    }

    boolean isUnaryOperator() {
        if (type != OPERATOR) {
            return false;
        }
        return switch (value.length()) {
            case 1 -> value.equals("+") || value.equals("-") || value.equals("!") || value.equals("~");
            case 2 -> value.equals("!!");
            case 3 -> value.equalsIgnoreCase("not");
            default -> false;
        };
    }

    boolean isArithmeticOperator() {
        return type == OPERATOR && value.length() == 1 && "*/-+%".indexOf(value.charAt(0)) >= 0;
    }

    /**
     * Arithmetic, bitwise and concatenating operators: an operand around them folds into one
     * operand. Comparisons do not fold, so that the tautology {@code 1=1} stays visible.
     */
    boolean isValueOperator() {
        if (type != OPERATOR) {
            return false;
        }
        return switch (value.length()) {
            case 1 -> "*/-+%^|&~".indexOf(value.charAt(0)) >= 0;
            case 2 -> value.equals("<<") || value.equals(">>") || value.equals("||");
            case 3 -> value.equalsIgnoreCase("div") || value.equalsIgnoreCase("mod");
            default -> false;
        };
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
