package dev.pincer.correlator.xss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roles {@link HtmlTokenizer} gives each character, as a string of one letter per character:
 * {@code .} content, {@code T} start tag, {@code E} end tag, {@code i} inside a tag, {@code =}
 * attribute equals, {@code q} attribute quote, {@code >} tag end, {@code c}/{@code C} comment
 * open/close, {@code s} script syntax, {@code y} style syntax.
 */
class HtmlTokenizerTest {
    static Stream<Arguments> documents() {
        return Stream.of(
                // text and tags
                Arguments.of("a<b>c</b>", ".TT>.EEE>"),
                Arguments.of("a < b <3", "........"),
                Arguments.of("<a href=x>", "TTiiiii=.>"),
                Arguments.of("<a b=\"x y\">", "TTii=q...q>"),
                Arguments.of("<a b='x\"'>", "TTii=q..q>"),
                Arguments.of("<a b = x c>", "TTiii=i.ii>"),
                Arguments.of("<br/>", "TTTi>"),
                Arguments.of("</>x", "EEE."),
                Arguments.of("</ x>", "cc..C"),
                Arguments.of("<?x?>", "cc..C"),
                Arguments.of("<!DOCTYPE html>", "cc............C"),
                // comments
                Arguments.of("<!--x-->", "cccc.CCC"),
                Arguments.of("<!--x--!>y", "cccc.CCCC."),
                Arguments.of("<!-->x", "ccccC."),
                Arguments.of("<!--<b>", "cccc..."),
                // unterminated: the rest is what it was
                Arguments.of("<a title=\"x", "TTiiiiii=q."),
                Arguments.of("<a tit", "TTiiii"),
                // raw text and RCDATA
                Arguments.of("<title><b></title>", "TTTTTT>...EEEEEEE>"),
                Arguments.of("<textarea></b></textarea>", "TTTTTTTTT>....EEEEEEEEEE>"),
                Arguments.of("<xmp><b></xmp>", "TTTT>...EEEEE>"),
                Arguments.of("<script></scriptx></script>", "TTTTTTT>ss........EEEEEEEE>"),
                Arguments.of("<plaintext></plaintext>", "TTTTTTTTTT>............"),
                // script syntax
                Arguments.of("<script>a=\"'\";</script>", "TTTTTTT>.ss.ssEEEEEEEE>"),
                Arguments.of("<script>x=1//'\n</script>", "TTTTTTT>.s.ss.sEEEEEEEE>"),
                Arguments.of("<script>`a${b}c`</script>", "TTTTTTT>s.ss.s.sEEEEEEEE>"),
                Arguments.of("<script>r=/'/;</script>", "TTTTTTT>.ss.ssEEEEEEEE>"),
                Arguments.of("<script>a/'b'</script>", "TTTTTTT>.ss.sEEEEEEEE>"),
                Arguments.of("<b onclick=\"f('x')\">", "TTiiiiiiii=q.ss.ssq>"),
                Arguments.of("<b onclick=\"f(&#39;x&#39;)\">", "TTiiiiiiii=q.ssssss.ssssssq>"),
                // URLs
                Arguments.of("<a href=\"javascript:f('x')\">", "TTiiiii=q............ss.ssq>"),
                Arguments.of("<a href=\"https://a/'\">", "TTiiiii=q...........q>"),
                // style
                Arguments.of("<style>a{b:'}'}</style>", "TTTTTT>.y..y.yyEEEEEEE>"),
                Arguments.of("<p style=\"a:b;c\">", "TTiiiiii=q...y.q>"),
                // foreign content
                Arguments.of("<svg><style><b></style></svg>", "TTTT>TTTTTT>TT>EEEEEEE>EEEEE>"),
                Arguments.of("<svg><![CDATA[<b>]]></svg>", "TTTT>ccccccccc...CCCEEEEE>"),
                Arguments.of("<![CDATA[<b>]]>", "cc.........C..."),
                Arguments.of("<svg/><style><b></style>", "TTTTi>TTTTTT>...EEEEEEE>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void roles(String html, String expected) {
        assertEquals(expected.length(), html.length(), "test: one role letter per character");
        assertEquals(expected, letters(HtmlTokenizer.scan(html).roles()), html);
    }

    /** Read up to a point, the roles before it are those of the whole document. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aPrefixScanAgreesWithTheWholeBeforeItsEnd(String html, String expected) {
        for (int upTo = 0; upTo <= html.length(); upTo++) {
            String part = letters(HtmlTokenizer.scan(html, upTo).roles()).substring(0, upTo);
            assertEquals(expected.substring(0, upTo), part, html + " up to " + upTo);
        }
    }

    static String letters(byte[] roles) {
        StringBuilder b = new StringBuilder(roles.length);
        for (byte r : roles) {
            b.append(".TEi=q>cCsy".charAt(r));
        }
        return b.toString();
    }
}
