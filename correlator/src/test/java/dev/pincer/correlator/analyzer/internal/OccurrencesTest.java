package dev.pincer.correlator.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where inputs occur: forms, case folding, short inputs, budgets. */
class OccurrencesTest {
    /** {@code expected}: each hit as {@code start:text}, space-separated. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "raw value|abc' or 1|SELECT 'abc' or 1|8:abc' or 1",
        "decoded once|%27%20or%201|x = '' or 1|5:' or 1",
        "decoded twice|%2527%2520or|x = '' or 1|5:' or",
        "case folded|' OR 1|x = '' or 1|5:' or 1",
        "plus as space|'+or+1|x = '' or 1|5:' or 1",
        "HTML entities|&#39; or 1|x = '' or 1|5:' or 1",
        "NFKC full width|＇ ｏｒ １|x = '' or 1|5:' or 1",
        "trimmed|\"'  or 1  \"|x = ''  or 1|5:'  or 1",
        "absent|zzz|SELECT 1|",
        "one character ignored|;|SELECT 1; DROP|",
        "overlapping occurrences|aa|aaa|0:aa 1:aa",
    })
    void finds(String name, String raw, String arg, String expected) {
        Input in = new Input(InputSource.HEADER, "h", raw, Decoding.percent(raw));
        String got = Occurrences.find(arg, new RequestInputs(List.of(in), null, false), Occurrences.Options.standard())
                .hits().stream().map(h -> h.start() + ":" + h.text(arg)).collect(Collectors.joining(" "));
        assertEquals(expected == null ? "" : expected, got);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "significant single character|'|'|x = '''|1",
        "insignificant single character|;|'|a;b|0",
        "filtered out|abc|'|abc abc|0",
    })
    void options(String name, String value, String singles, String arg, int hits) {
        Occurrences.Options o = Occurrences.Options.standard().withSingleChars(singles)
                .withFilter(f -> !f.chars().allMatch(Character::isLetter));
        RequestInputs in = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", value)), null, false);
        assertTrue(Occurrences.find(arg, in, o).hits().size() >= Math.min(hits, 1));
        assertEquals(hits == 0, Occurrences.find(arg, in, o).hits().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"100000, 1000", "1000000, 64"})
    void quadraticTextCostsLinearWork(int hayLength, int needleLength) {
        String hay = "a".repeat(hayLength);
        Input in = Input.plain(InputSource.QUERY, "q", "a".repeat(needleLength - 1) + "b");
        Occurrences.Result r = Occurrences.find(hay, new RequestInputs(List.of(in), null, false),
                Occurrences.Options.standard());
        assertTrue(r.hits().isEmpty());
        assertTrue(r.work() <= 2L * (hayLength + needleLength), () -> "work " + r.work());
    }
}
