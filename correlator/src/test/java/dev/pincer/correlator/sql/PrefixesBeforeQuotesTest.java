package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which dialect readings a query asks for: the prefix must stand right before a quote and start a
 * word. A closing quote after a one-letter literal ({@code 'q'}) asks too: one more reading, never a
 * missed one.
 */
class PrefixesBeforeQuotesTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SELECT 'a'|0",
        "SELECT E'a\\'b'|1",
        "SELECT e'a'|1",
        "SELECT U&'d\\0061t'|1",
        "SELECT u&'x'|1",
        "SELECT q'[it's]' FROM dual|2",
        "SELECT NQ'[x]' FROM dual|2",
        "SELECT nq'<x>', E'y'|3",
        "E'x'|1",
        "q'[x]'|2",
        "SELECT name'x'|0",
        "SELECT type'x'|0",
        "SELECT au&'x'|0",
        "SELECT _q'x'|0",
        "SELECT 'a''b' WHERE x = 'e'|1",
        "SELECT 1 WHERE x = 'q'|2",
    })
    void prefixes(String sql, int expected) {
        assertEquals(expected, PrefixedLiterals.prefixesBeforeQuotes(sql));
    }
}
