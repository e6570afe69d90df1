package dev.pincer.correlator.xss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which input forms carry markup, so that a response to their request is held for the XSS check:
 * the decision every HTML response pays for. {@code |} in a value stands for a comma.
 */
class MarkupInputsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '~', value = {
        "<script> -> true",
        "a < b -> true",
        "O'Brien -> true",
        "say \"hi\" -> true",
        "`id` -> true",
        "${7*7} -> true",
        "x onmouseover=alert(1) -> true",
        "x/onmouseover=alert(1) -> true",
        "x ONCLICK =alert(1) -> true",
        "a style=color:red -> true",
        "x src=//evil -> true",
        "javascript:alert(1) -> true",
        "JaVa Script:alert(1) -> true",
        " vbscript:msgbox -> true",
        "data:text/html|x -> true",
        "javascript&colon;alert(1) -> true",
        "&#39; -> true",
        "&lt;b&gt; -> true",
        "plain words -> false",
        "text/html|application/xhtml+xml;q=0.9 -> false",
        "en-US|en;q=0.5 -> false",
        "a = b -> false",
        "sort=name -> false",
        "onclick=handler -> false",
        "x on=1 -> false",
        "https://example.com/?a=b -> false",
        "$100 -> false",
        "mailto:x@example.com -> false",
        "AT&T -> false",
        "~~ -> false"})
    void markup(String form, boolean expected) {
        String f = form == null ? "" : form.replace('|', ',');
        assertEquals(expected, MarkupInputs.markupForm(f), f);
    }
}
