package dev.pincer.signatures.detect;

/**
 * Pincer's {@code @detectSQLi}: says whether a value is SQL injection, on the libinjection
 * approach. The value is tokenized ({@link SqlLexer}) and folded ({@link SqlFolder}) into a
 * fingerprint of at most five token types, in each context an injection can start from: as is
 * (a number or name slot), after a single quote, after a double quote, and for the first two
 * again in MySQL's comment dialect when the value uses {@code #} or {@code --x}. A fingerprint
 * that the injection grammar produces ({@link SqlFingerprints}) and that {@link SqlShortShapes}
 * does not clear is the answer.
 *
 * <p>Argument: a byte string (one char per byte). Result: the fingerprint, which ModSecurity puts
 * in {@code TX.0}, or null. Linear time; a few hundred bytes of state; never throws.
 *
 * <p>Example: {@code detect("1' or '1'='1")} is {@code "s&sos"}; {@code detect("O'Brien")} is
 * null.
 */
public final class SqlInjectionDetector {
    /** One folder per thread: seven small tokens, reused so that a call allocates little. */
    private static final ThreadLocal<SqlFolder> FOLDERS = ThreadLocal.withInitial(SqlFolder::new);

    private SqlInjectionDetector() {
    }

    /** @return the fingerprint when {@code value} is SQL injection, else null */
    public static String detect(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        SqlFolder folder = FOLDERS.get();
        String fp = attempt(folder, value, (char) 0, true);
        if (fp != null) {
            return fp;
        }
        if (value.indexOf('\'') >= 0) {
            fp = attempt(folder, value, '\'', true);
            if (fp != null) {
                return fp;
            }
        }
        if (value.indexOf('"') >= 0) {
            return attempt(folder, value, '"', false);
        }
        return null;
    }

    /** One context, ANSI first and MySQL after when the value has MySQL-only comments. */
    private static String attempt(SqlFolder folder, String value, char context, boolean ansiFirst) {
        if (ansiFirst) {
            SqlLexer lexer = new SqlLexer(value, context, false);
            String fp = check(folder, lexer, value);
            if (fp != null || (lexer.statCommentDdx == 0 && lexer.statCommentHash == 0)) {
                return fp;
            }
        }
        return check(folder, new SqlLexer(value, context, true), value);
    }

    private static String check(SqlFolder folder, SqlLexer lexer, String value) {
        String fp = folder.fold(lexer);
        if (fp.isEmpty() || !SqlFingerprints.contains(fp)) {
            return null;
        }
        return SqlShortShapes.isInjection(fp, folder.tokens(), lexer.statTokens, value) ? fp : null;
    }
}
