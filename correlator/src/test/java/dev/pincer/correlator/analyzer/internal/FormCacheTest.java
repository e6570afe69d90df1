package dev.pincer.correlator.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The cache returns what computing the forms afresh would, once per input and option set. */
class FormCacheTest {
    private static final Occurrences.Options SQL_LIKE = Occurrences.Options.standard().withSingleChars("'")
            .withFilter(f -> f.chars().anyMatch(c -> !Character.isLetterOrDigit(c)));
    private static final Occurrences.Options PATH_LIKE = Occurrences.Options.standard()
            .withExtraForms(List.<UnaryOperator<String>>of(s -> s.replace("../", "")));

    @Test
    void standardFormsAreTheSameAsComputedAfresh() {
        Input in = new Input(InputSource.QUERY, "q", "%2527%20OR%201%3D1", "%27 OR 1=1");
        assertEquals(Forms.of(in, List.of()), Forms.of(FormCache.standard(in), List.of()));
        assertSame(FormCache.standard(in), FormCache.standard(in), "computed once");
    }

    @Test
    void needlesAreTheFilteredFoldedFormsOfTheirOptions() {
        Input in = new Input(InputSource.QUERY, "q", "..%2F..%2FEtc", "../../Etc");
        char[][] path = FormCache.needles(in, PATH_LIKE);
        List<String> expected = Forms.of(in, PATH_LIKE.extraForms()).stream().map(String::toLowerCase).toList();
        assertEquals(expected, java.util.Arrays.stream(path).map(String::new).toList());
        assertSame(path, FormCache.needles(in, PATH_LIKE), "computed once per option set");
        assertArrayEquals(new char[][] {}, FormCache.needles(Input.plain(InputSource.QUERY, "w", "word"), SQL_LIKE),
                "a plain word is filtered out");
        assertEquals(1, FormCache.needles(Input.plain(InputSource.QUERY, "s", "'"), SQL_LIKE).length,
                "a significant single character is kept");
    }

    /** Equal inputs that are different objects are cached apart: the key is the input itself. */
    @Test
    void keyedByIdentity() {
        Input a = Input.plain(InputSource.QUERY, "q", "x' or 1");
        Input b = Input.plain(InputSource.QUERY, "q", "x' or 1");
        assertEquals(a, b);
        assertEquals(List.of(FormCache.needles(a, SQL_LIKE)).size(), List.of(FormCache.needles(b, SQL_LIKE)).size());
        assertSame(FormCache.needles(a, SQL_LIKE), FormCache.needles(a, SQL_LIKE));
    }
}
