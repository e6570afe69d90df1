package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link RequiredLiterals} derives from a pattern: the literals one of which every match
 * holds (lowercased), or "always" when it cannot prove any. Each row is a pattern and the
 * expected set ({@code ALWAYS} for none), literals separated by {@code ;}.
 */
class RequiredLiteralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '\t', quoteCharacter = '`', textBlock = """
            abc	abc
            (?i)UNION\\s+SELECT	select
            (?i:select)\\s+from	select
            foo|bar	foo;bar
            (?:foo|ba)r	foor;bar
            a(?:b|c)d	abd;acd
            ^/admin$	/admin
            x*	ALWAYS
            (?:abc)?	ALWAYS
            abc|.*	ALWAYS
            abc|	ALWAYS
            [abc]def	def
            .{0,3}abc	abc
            (?:abc){2,}	abc
            (?:abc){0,5}	ALWAYS
            \\x41\\x42C	abc
            \\Q.*\\E	.*
            \\<script	<script
            a\\sb	a
            \\s+\\d*	ALWAYS
            \\x{e2}\\x{80}	ALWAYS
            (?=abc)abc	ALWAYS
            (a)\\1	ALWAYS
            (?<name>abc)	abc
            ab?c	abc;ac
            on(?:load|error)=	onload=;onerror=
            (?x) a b	ALWAYS
            ''	ALWAYS
            """)
    void derives(String pattern, String expected) {
        String p = pattern.equals("''") ? "" : pattern;
        List<String> got = RequiredLiterals.of(p);
        List<String> want = expected.equals("ALWAYS") ? null : Arrays.stream(expected.split(";")).sorted().toList();
        assertEquals(want, got == null ? null : got.stream().sorted().toList());
    }
}
