package dev.pincer.signatures.detect;

/**
 * The reduction rules of {@link SqlFolder}, on two and three adjacent tokens. Each returns what
 * to remove, or {@link #RETYPED} when it changed a token's type in place (always to a type for
 * which that rule no longer holds, so reduction terminates), or {@link #NONE}.
 *
 * <p>Example: {@code three(1, +, 1)} is {@link #DROP_SECOND_AND_THIRD}: {@code 1+1} is one
 * operand, while {@code 1=1} stays three tokens, the visible mark of a tautology. {@code two(IN, ()} retypes {@code IN} as an operator.
 */
final class SqlFoldRules {
    static final int NONE = 0, RETYPED = 1, DROP_SECOND = 2, DROP_FIRST = 3,
            DROP_SECOND_AND_THIRD = 4, DROP_FIRST_AND_SECOND = 5;

    private static final String MERGE_FIRST = "knoUfETt";
    private static final String MERGE_SECOND = "knoUfETt&";

    private SqlFoldRules() {
    }

    static int two(SqlToken a, SqlToken b) {
        char x = a.type;
        char y = b.type;
        if ((x == 's' && y == 's') || (x == ';' && y == ';')) {
            return DROP_SECOND;
        }
        if ((x == 'o' || x == '&') && (b.isUnaryOperator() || y == 't')) {
            return DROP_SECOND;
        }
        if (x == '(' && b.isUnaryOperator()) {
            return DROP_SECOND;
        }
        if (MERGE_FIRST.indexOf(x) >= 0 && MERGE_SECOND.indexOf(y) >= 0
                && b.value.length() < 20 && SqlKeywords.startsPhrase(a.value)) {
            String merged = a.value + " " + b.value;
            char type = SqlKeywords.type(merged);
            if (type != 0) {
                a.set(type, merged);
                return DROP_SECOND;
            }
        }
        if (x == ';' && y == 'f' && b.value.equalsIgnoreCase("if")) {
            b.type = SqlToken.TSQL; // T-SQL's IF statement, not MySQL's IF() function
            return RETYPED;
        }
        if ((x == 'n' || x == 'v') && y == '(' && SqlKeywords.isFunctionIfCalled(a.value)) {
            a.type = SqlToken.FUNCTION;
            return RETYPED;
        }
        if (x == 'k' && (a.value.equalsIgnoreCase("in") || a.value.equalsIgnoreCase("not in"))) {
            a.type = y == '(' ? SqlToken.OPERATOR : SqlToken.BAREWORD;
            return RETYPED;
        }
        if (x == 'o' && y == '(' && (a.value.equalsIgnoreCase("like")
                || a.value.equalsIgnoreCase("not like"))) {
            a.type = SqlToken.FUNCTION;
            return RETYPED;
        }
        if (x == 't' && "n1t(fvs".indexOf(y) >= 0) {
            return DROP_FIRST;
        }
        if (x == 'A' && y == 'n' && b.value.indexOf('_') >= 0) {
            b.type = SqlToken.SQLTYPE;
            return RETYPED;
        }
        if (x == '\\') {
            if (b.isArithmeticOperator()) {
                a.type = SqlToken.NUMBER; // T-SQL reads \%1 as 0 % 1
                return RETYPED;
            }
            return DROP_FIRST;
        }
        if ((x == '(' && y == '(') || (x == ')' && y == ')')) {
            return DROP_SECOND;
        }
        if (x == '{' && y == 'n') {
            if (b.value.isEmpty()) {
                b.type = SqlToken.EVIL; // MySQL's { `` ... } oddity
                return RETYPED;
            }
            return DROP_FIRST_AND_SECOND;
        }
        if (y == '}') {
            return DROP_SECOND;
        }
        return NONE;
    }

    static int three(SqlToken a, SqlToken b, SqlToken c) {
        char x = a.type;
        char y = b.type;
        char z = c.type;
        if (x == '1' && b.isValueOperator() && z == '1') {
            return DROP_SECOND_AND_THIRD;
        }
        if (x == 'o' && y != '(' && z == 'o') {
            return DROP_SECOND_AND_THIRD;
        }
        if (x == '&' && z == '&') {
            return DROP_SECOND_AND_THIRD;
        }
        if (x == 'v' && b.isValueOperator() && (z == 'v' || z == '1'
                || (z == 'n' && !SqlKeywords.isFunctionIfCalled(c.value)))) {
            return DROP_SECOND_AND_THIRD;
        }
        if ((x == 'n' || x == '1') && b.isValueOperator() && (z == '1'
                || (z == 'n' && !SqlKeywords.isFunctionIfCalled(c.value)))) {
            return DROP_SECOND_AND_THIRD;
        }
        if ("n1vs".indexOf(x) >= 0 && y == 'o' && b.value.equals("::") && z == 't') {
            return DROP_SECOND_AND_THIRD;
        }
        if ("n1sv".indexOf(x) >= 0 && y == ',' && "1nsv".indexOf(z) >= 0) {
            return DROP_SECOND_AND_THIRD;
        }
        if ((x == 'E' || x == 'B' || x == ',') && b.isUnaryOperator() && z == '(') {
            return DROP_SECOND;
        }
        if ((x == 'k' || x == 'E' || x == 'B') && b.isUnaryOperator() && "1nvsf".indexOf(z) >= 0) {
            return DROP_SECOND;
        }
        if (x == ',' && b.isUnaryOperator() && "1nvsf".indexOf(z) >= 0) {
            return DROP_SECOND;
        }
        if (x == 'n' && y == '.' && z == 'n') {
            return DROP_SECOND_AND_THIRD;
        }
        if (x == 'E' && y == '.' && z == 'n') {
            return DROP_SECOND;
        }
        if (x == 'f' && y == '(' && z != ')' && a.value.equalsIgnoreCase("user")) {
            a.type = SqlToken.BAREWORD; // user(x) is a column named user, not USER()
            return RETYPED;
        }
        return NONE;
    }

    /**
     * Five tokens that are a list of values, such as {@code 1,(2)} or {@code x-(y)}: they say
     * nothing yet, so the folder keeps only the first and reads on.
     */
    static boolean isValueList(SqlToken[] t) {
        String fp = "" + t[0].type + t[1].type + t[2].type + t[3].type + t[4].type;
        return switch (fp) {
            case "1o(1)", "1,(1)", "no(n)", "no(1)", "1),(1", "n)o(n" -> true;
            default -> false;
        };
    }
}
