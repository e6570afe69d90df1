package dev.pincer.correlator.sql;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser as a second opinion, never as the tokenizer: how many statements a text parses into,
 * or -1 when it does not parse (another dialect, or not SQL at all) or is too large or too deeply
 * nested to parse cheaply. Parsing runs on the calling thread (no executor, no timeout thread);
 * the size and nesting caps bound it instead.
 *
 * <p>Example: {@code count("SELECT 1; DROP TABLE t", true)} is 2; {@code count("SELECT 1 FROM",
 * true)} is -1.
 */
final class StatementCount {
    /** Real statements worth a second opinion are short; JSqlParser's cost grows fast with size. */
    static final int MAX_CHARS = 16 * 1024;
    /** JSqlParser recurses per parenthesis; deeper texts are hostile and skipped. */
    static final int MAX_NESTING = 32;

    private StatementCount() {
    }

    static int count(String sql, boolean backslashEscapes) {
        if (sql.length() > MAX_CHARS || nesting(sql) > MAX_NESTING) {
            return -1;
        }
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
                    .withAllowComplexParsing(false)
                    .withBackslashEscapeCharacter(backslashEscapes);
            Statements statements = parser.Statements();
            return statements == null ? -1 : statements.size();
        } catch (Exception | StackOverflowError e) {
            return -1;
        }
    }

    private static int nesting(String sql) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        return max;
    }
}
