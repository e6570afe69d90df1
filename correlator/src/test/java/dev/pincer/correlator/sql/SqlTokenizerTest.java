package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tokenizer on prefixed literals and JDBC escapes, per reading: a prefix is part of ONE literal
 * only when the content is valid for it in a dialect that has it ({@link PrefixedLiterals});
 * otherwise the prefix is a word and the quote opens a plain string. Each case is the query, the
 * reading, and the tokens as {@code TYPE:text} (a trailing {@code !} marks the unterminated token).
 */
class SqlTokenizerTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // operators: the longest that starts at a char, looked up by that char
                row("a<=>b->>c!~*d", "STANDARD", "WORD:a OPERATOR:<=> WORD:b OPERATOR:->> WORD:c OPERATOR:!~* WORD:d"),
                row("a<>b<=c>=d!=e||f&&g", "STANDARD",
                        "WORD:a OPERATOR:<> WORD:b OPERATOR:<= WORD:c OPERATOR:>= WORD:d OPERATOR:!= WORD:e OPERATOR:|| "
                                + "WORD:f OPERATOR:&& WORD:g"),
                row("a::b:=c->d<<e>>f==g~*h!~i<@k", "STANDARD",
                        "WORD:a OPERATOR::: WORD:b OPERATOR::= WORD:c OPERATOR:-> WORD:d OPERATOR:<< WORD:e OPERATOR:>> "
                                + "WORD:f OPERATOR:== WORD:g OPERATOR:~* WORD:h OPERATOR:!~ WORD:i OPERATOR:<@ WORD:k"),
                row("a<b>c/d%e^f~g!h", "STANDARD",
                        "WORD:a OPERATOR:< WORD:b OPERATOR:> WORD:c OPERATOR:/ WORD:d OPERATOR:% WORD:e OPERATOR:^ "
                                + "WORD:f OPERATOR:~ WORD:g OPERATOR:! WORD:h"),
                row("a\u00e9\u2260b", "STANDARD", "WORD:a\u00e9 OTHER:\u2260 WORD:b"),
                // hex and bit strings: valid content only
                row("X'4A4b'", "STANDARD", "STRING:X'4A4b'"),
                row("x'4A 4B'", "STANDARD", "STRING:x'4A 4B'"),
                row("x'' ", "BACKSLASH", "STRING:x''"),
                row("x' OR '", "STANDARD", "WORD:x STRING:' OR '"),
                row("{call x' OR '1'='1}", "STANDARD",
                        "ESCAPE_OPEN:{call WORD:x STRING:' OR ' NUMBER:1 STRING:'=' NUMBER:1 ESCAPE_CLOSE:}"),
                row("X'4G'", "STANDARD", "WORD:X STRING:'4G'"),
                row("B'0101'", "STANDARD", "STRING:B'0101'"),
                row("b'012'", "BACKSLASH", "WORD:b STRING:'012'"),
                row("b' OR '", "STANDARD", "WORD:b STRING:' OR '"),
                // national strings: any content, backslash escapes where the reading has them
                row("N'it''s'", "STANDARD", "STRING:N'it''s'"),
                row("n' OR '", "STANDARD", "STRING:n' OR '"),
                row("N'a\\' b'", "BACKSLASH", "STRING:N'a\\' b'"),
                row("N'a\\' b'", "STANDARD", "STRING:N'a\\' STRING:b'!"),
                // a prefix glued to a word is not a prefix
                row("ax'41'", "STANDARD", "WORD:ax STRING:'41'"),
                row("1x'41'", "STANDARD", "NUMBER:1 WORD:x STRING:'41'"),
                // E strings: PostgreSQL only, backslash escapes, \\u needs 4 hex digits
                row("E'it\\'s'", "POSTGRES", "STRING:E'it\\'s'"),
                row("e' OR '", "POSTGRES", "STRING:e' OR '"),
                row("e' OR '", "STANDARD", "WORD:e STRING:' OR '"),
                row("E'\\u00e9'", "POSTGRES", "STRING:E'\\u00e9'"),
                row("E'\\u0e' ", "POSTGRES", "WORD:E STRING:'\\u0e'"),
                row("E'\\U0001F600'", "POSTGRES", "STRING:E'\\U0001F600'"),
                row("e'abc'", "BACKSLASH", "WORD:e STRING:'abc'"),
                // U& strings: PostgreSQL and H2, valid escapes with the UESCAPE character
                row("U&'d\\0061t\\+000061'", "POSTGRES", "STRING:U&'d\\0061t\\+000061'"),
                row("U&'d!0061t' UESCAPE '!'", "POSTGRES", "STRING:U&'d!0061t' WORD:UESCAPE STRING:'!'"),
                row("U&'\\zz'", "POSTGRES", "WORD:U OPERATOR:& STRING:'\\zz'"),
                row("u&' OR '", "POSTGRES", "STRING:u&' OR '"),
                row("u&' OR '", "STANDARD", "WORD:u OPERATOR:& STRING:' OR '"),
                // Oracle q-quotes, with paired and repeated delimiters
                row("q'[it's]'", "ORACLE", "STRING:q'[it's]'"),
                row("Q'{a]'b}' x", "ORACLE", "STRING:Q'{a]'b}' WORD:x"),
                row("nq'!x'y!'", "ORACLE", "STRING:nq'!x'y!'"),
                row("q'<a>' || q'(b)'", "ORACLE", "STRING:q'<a>' OPERATOR:|| STRING:q'(b)'"),
                row("q'[open", "ORACLE", "STRING:q'[open!"),
                row("q' x'", "ORACLE", "WORD:q STRING:' x'"),
                row("q'[it's]'", "STANDARD", "WORD:q STRING:'[it' WORD:s PUNCT:] STRING:'!"),
                // JDBC escapes: brace and keyword are one token, nesting, and a brace that is no escape
                row("{? = call f(?)}", "STANDARD", "ESCAPE_OPEN:{? = call WORD:f PUNCT:( PARAM:? PUNCT:) ESCAPE_CLOSE:}"),
                row("{fn ucase({fn concat(a, 'b')})}", "STANDARD",
                        "ESCAPE_OPEN:{fn WORD:ucase PUNCT:( ESCAPE_OPEN:{fn WORD:concat PUNCT:( WORD:a PUNCT:, "
                                + "STRING:'b' PUNCT:) ESCAPE_CLOSE:} PUNCT:) ESCAPE_CLOSE:}"),
                row("{d '2024-01-31'} {t '10:00:00'} {ts '2024-01-31 10:00:00'}", "STANDARD",
                        "ESCAPE_OPEN:{d STRING:'2024-01-31' ESCAPE_CLOSE:} ESCAPE_OPEN:{t STRING:'10:00:00' "
                                + "ESCAPE_CLOSE:} ESCAPE_OPEN:{ts STRING:'2024-01-31 10:00:00' ESCAPE_CLOSE:}"),
                row("a LIKE 'x\\_%' {escape '\\'}", "STANDARD",
                        "WORD:a WORD:LIKE STRING:'x\\_%' ESCAPE_OPEN:{escape STRING:'\\' ESCAPE_CLOSE:}"),
                row("{oj a LEFT OUTER JOIN b ON a.i = b.i}", "STANDARD",
                        "ESCAPE_OPEN:{oj WORD:a WORD:LEFT WORD:OUTER WORD:JOIN WORD:b WORD:ON WORD:a PUNCT:. WORD:i "
                                + "OPERATOR:= WORD:b PUNCT:. WORD:i ESCAPE_CLOSE:}"),
                row("{ CALL p }", "STANDARD", "ESCAPE_OPEN:{ CALL WORD:p ESCAPE_CLOSE:}"),
                row("{limit 10}", "STANDARD", "ESCAPE_OPEN:{limit NUMBER:10 ESCAPE_CLOSE:}"),
                row("{calls} }", "STANDARD", "PUNCT:{ WORD:calls PUNCT:} PUNCT:}"),
                row("'{a,b}'", "STANDARD", "STRING:'{a,b}'"));
    }

    private static Arguments row(String sql, String quoting, String tokens) {
        return Arguments.of(sql, SqlQuoting.valueOf(quoting), tokens);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("cases")
    void tokens(String sql, SqlQuoting quoting, String expected) {
        assertEquals(expected, render(SqlTokenizer.tokenize(sql, quoting)));
    }

    static String render(SqlTokens t) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < t.count(); k++) {
            out.add(t.type(k) + ":" + t.text(k) + (k == t.unterminated() ? "!" : ""));
        }
        return String.join(" ", out);
    }
}
