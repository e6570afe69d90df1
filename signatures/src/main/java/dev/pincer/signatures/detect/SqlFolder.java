package dev.pincer.signatures.detect;

/**
 * Folds the token stream of one value into at most five tokens, the fingerprint: the shape of the
 * value's start once the parts that do not change what SQL would do with it are gone. Arithmetic
 * ({@code 1+1}), lists ({@code 1,2,3}), casts, redundant parentheses and unary operators fold
 * into one operand; two-word keywords merge ({@code UNION ALL}); comments disappear, except a
 * comment that ends a short value, which stays as a trailing {@code c}.
 *
 * <p>It works as a shift-reduce loop over a stack of at most seven tokens, reducing at the top
 * after each token; it stops with five stable tokens and two of lookahead, so it reads a bounded
 * number of non-comment tokens and runs in time linear in the value.
 *
 * <p>Example: {@code 1 OR 1+1=2} folds to {@code 1 & 1 o 1} ({@code 1+1} is one operand),
 * fingerprint {@code 1&1o1}; {@code x' UNION ALL SELECT 1,2 -- } after a quote folds to {@code s U E 1 c}.
 */
final class SqlFolder {
    static final int MAX_TOKENS = 5;
    private static final int STACK = MAX_TOKENS + 2;

    private final SqlToken[] st = new SqlToken[STACK + 1];
    private final SqlToken read = new SqlToken();
    private final SqlToken lastComment = new SqlToken();
    private int size;

    SqlFolder() {
        for (int i = 0; i < st.length; i++) {
            st[i] = new SqlToken();
        }
    }

    /** @return the folded tokens; only the first {@link #size()} are meaningful */
    SqlToken[] tokens() {
        return st;
    }

    int size() {
        return size;
    }

    /** Folds the lexer's tokens; returns the fingerprint (types of the folded tokens), maybe "". */
    String fold(SqlLexer lexer) {
        size = 0;
        while (true) {
            if (!lexer.next(st[0])) {
                return "";
            }
            SqlToken t = st[0];
            if (!(t.type == SqlToken.COMMENT || t.type == SqlToken.LEFTPARENS
                    || t.type == SqlToken.SQLTYPE || t.isUnaryOperator())) {
                break;
            }
        }
        size = 1;
        boolean endsInComment = false;
        while (true) {
            reduce();
            if (size >= MAX_TOKENS && SqlFoldRules.isValueList(st)) {
                drop(1, 4);
                continue;
            }
            if (size >= STACK || !lexer.next(read)) {
                break;
            }
            if (read.type == SqlToken.COMMENT) {
                lastComment.copyFrom(read);
                endsInComment = true;
                continue;
            }
            endsInComment = false;
            st[size++].copyFrom(read);
        }
        if (size > MAX_TOKENS) {
            size = MAX_TOKENS;
        }
        if (size < MAX_TOKENS && endsInComment) {
            st[size++].copyFrom(lastComment);
        }
        return fingerprint();
    }

    private String fingerprint() {
        if (size == 0) {
            return ""; // "{x" folds away entirely
        }
        SqlToken last = st[size - 1];
        if (size > 2 && last.type == SqlToken.BAREWORD && last.strOpen == '`'
                && last.value.isEmpty() && last.strClose == SqlToken.NO_QUOTE) {
            last.type = SqlToken.COMMENT;
        }
        char[] fp = new char[size];
        for (int i = 0; i < size; i++) {
            if (st[i].type == SqlToken.EVIL) {
                return "X";
            }
            fp[i] = st[i].type;
        }
        return new String(fp);
    }

    /** Applies the rules at the top of the stack until none applies. */
    private void reduce() {
        while (size >= 2) {
            int action = size >= 3 ? SqlFoldRules.three(st[size - 3], st[size - 2], st[size - 1])
                    : SqlFoldRules.NONE;
            if (action == SqlFoldRules.NONE) {
                action = SqlFoldRules.two(st[size - 2], st[size - 1]);
                if (action == SqlFoldRules.NONE) {
                    return;
                }
                apply(action, size - 2);
            } else {
                apply(action, size - 3);
            }
        }
    }

    /** @param at the index of the rule's first token */
    private void apply(int action, int at) {
        switch (action) {
            case SqlFoldRules.RETYPED -> { }
            case SqlFoldRules.DROP_SECOND -> drop(at + 1, 1);
            case SqlFoldRules.DROP_FIRST -> drop(at, 1);
            case SqlFoldRules.DROP_SECOND_AND_THIRD -> drop(at + 1, 2);
            case SqlFoldRules.DROP_FIRST_AND_SECOND -> drop(at, 2);
            default -> { }
        }
    }

    /** Removes {@code count} tokens from {@code from}, rotating the instances to the unused end. */
    private void drop(int from, int count) {
        for (int k = 0; k < count; k++) {
            SqlToken gone = st[from];
            System.arraycopy(st, from + 1, st, from, st.length - from - 1);
            st[st.length - 1] = gone;
        }
        size -= count;
    }
}
