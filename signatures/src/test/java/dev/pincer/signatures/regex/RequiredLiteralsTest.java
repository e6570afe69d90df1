package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link RequiredLiterals} derives from a pattern: clauses of literals (lowercased), one
 * literal of each clause in every match, or "always" when it cannot prove any. Each row is a
 * pattern and the expected clauses ({@code ALWAYS} for none): clauses sorted and separated by
 * {@code " & "}, the literals of one sorted and separated by {@code ;}, whitespace written as
 * {@code \x20 \t \n \r \f \v}.
 */
class RequiredLiteralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '\t', quoteCharacter = '`', textBlock = """
            abc	abc
            (?i)UNION\\s+SELECT	\\f;\\n;\\r;\\t;\\v;\\x20 & select & union\\f;union\\n;union\\r;union\\t;union\\v;union\\x20
            (?i:select)\\s+from	\\f;\\n;\\r;\\t;\\v;\\x20 & from & select\\f;select\\n;select\\r;select\\t;select\\v;select\\x20
            foo|bar	bar;foo
            (?:foo|ba)r	bar;foor
            a(?:b|c)d	abd;acd
            ^/admin$	/admin
            x*	ALWAYS
            (?:abc)?	ALWAYS
            abc|.*	ALWAYS
            abc|	ALWAYS
            [abc]def	adef;bdef;cdef
            .{0,3}abc	abc
            (?:abc){2,}	abc
            (?:abc){0,5}	ALWAYS
            \\x41\\x42C	abc
            \\Q.*\\E	.*
            \\<script	<script
            a\\sb	a\\fb;a\\nb;a\\rb;a\\tb;a\\vb;a\\x20b
            \\s+\\d*	\\f;\\n;\\r;\\t;\\v;\\x20
            \\x{e2}\\x{80}	ALWAYS
            (?=abc)abc	ALWAYS
            (a)\\1	ALWAYS
            (?<name>abc)	abc
            ab?c	abc;ac
            on(?:load|error)=	onerror=;onload=
            (?x) a b	ALWAYS
            ''	ALWAYS
            (?:[;|]|&&)\\s*(?:wget|curl)	&&;;;| & curl;wget
            [^abc]x	x
            [A-Z]{2}	a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p;q;r;s;t;u;v;w;x;y;z
            [\\x5c"]ab	"ab;\\ab
            [\\x{e9}]x	x
            [a-z0-9_]+=	=
            (?:ab|cd)(?:ef.*|gh)	abef;abgh;cdef;cdgh & ef;gh
            c.a	a & c
            """)
    void derives(String pattern, String expected) {
        String p = pattern.equals("''") ? "" : pattern;
        assertEquals(expected, render(RequiredLiterals.of(p)));
    }

    /** A branch's word joined to a class of terminators is cut back to the word for the union. */
    @Test
    void aLongListOfTerminatedWordsKeepsTheWords() {
        StringBuilder p = new StringBuilder("(?:");
        String[] words = {"grep", "wget", "curl", "bash", "perl", "nc", "python", "ruby", "php", "lua"};
        for (int k = 0; k < words.length; k++) {
            p.append(k == 0 ? "" : "|").append(words[k]).append("[\\s&|;]");
        }
        p.append(")");
        assertEquals("bash;curl;grep;lua;nc;perl;php;python;ruby;wget", render(RequiredLiterals.of(p.toString())));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '\t', quoteCharacter = '`', textBlock = """
            c["'\\x5c]*a["'\\x5c]*t	UNIX	cat
            c["\\x5c]*(?:\\$[a-z]*)?a	UNIX	ca
            ab(?:\\$[a-z]+)?cd	UNIX	abcd
            \\$x	UNIX	''
            c.a	UNIX	a & c
            c["'\\x5c]*a["'\\x5c]*t	RAW	a & c & t
            c[\\"\\^]*m[\\"\\^]*d	WINDOWS	cmd
            c["\\^]*m	UNIX	c & m
            """)
    void derivesInAView(String pattern, String view, String expected) {
        View v = switch (view) {
            case "UNIX" -> View.UNIX;
            case "WINDOWS" -> View.WINDOWS;
            default -> View.RAW;
        };
        assertEquals(expected.equals("''") ? "" : expected, render(RequiredLiterals.of(pattern, v)));
    }

    @Test
    void aViewDropsItsCharsOnly() {
        assertEquals("cat /etc/passwd", View.UNIX.apply("c'a\\t /e\"tc/pa)ss[wd").toString());
        assertEquals("cmd /c", View.WINDOWS.apply("c^m\"d /c").toString());
        String unchanged = "plain";
        assertEquals(unchanged, View.UNIX.apply(unchanged));
        assertThrows(IllegalArgumentException.class, () -> new View("a", ""));
    }

    static String render(List<List<String>> clauses) {
        if (clauses == null) {
            return "ALWAYS";
        }
        List<String> out = new ArrayList<>();
        for (List<String> c : clauses) {
            out.add(String.join(";", c.stream().map(RequiredLiteralsTest::escape).sorted().toList()));
        }
        Collections.sort(out);
        return String.join(" & ", out);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case ' ' -> b.append("\\x20");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case 0x0b -> b.append("\\v");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
