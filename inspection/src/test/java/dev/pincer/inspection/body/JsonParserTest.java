package dev.pincer.inspection.body;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared JSON grammar's events, and {@link JsonParser.Tee}: one pass feeds two views, each as
 * if it had the parse alone, and a view that stops does not stop the other.
 */
class JsonParserTest {

    /** Records the events as text; stops after {@code stopAfter} events (or never, for -1). */
    private static final class Recorder implements JsonParser.Listener {
        final List<String> events = new ArrayList<>();
        final int stopAfter;

        Recorder(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        private boolean more() {
            return stopAfter < 0 || events.size() < stopAfter;
        }

        @Override
        public boolean open(JsonParser p, boolean object) {
            events.add((object ? "{" : "[") + p.depth());
            return more();
        }

        @Override
        public void close(JsonParser p) {
            events.add("}" + p.depth());
        }

        @Override
        public boolean key(JsonParser p) {
            events.add("k:" + p.utf8(100) + (p.cut() ? "~" : ""));
            return more();
        }

        @Override
        public boolean scalar(JsonParser p) {
            events.add(p.kind() + ":" + p.utf8(100) + (p.cut() ? "~" : ""));
            return more();
        }
    }

    private static String events(String body) {
        Recorder r = new Recorder(-1);
        JsonParser p = JsonParser.parse(body.getBytes(StandardCharsets.UTF_8), r);
        return String.join(" ", r.events) + " | " + p.outcome() + (p.error() == null ? "" : " " + p.error());
    }

    @Test
    void eventsInDocumentOrder() {
        assertEquals("{1 k:a [2 2:1 1:x 3:true 5:null }1 }0 | 0", events("{\"a\":[1,\"x\",true,null]}"));
        assertEquals("[1 }0 | 0", events("[]"));
        assertEquals("{1 }0 | 0", events(" {} "));
        assertEquals("2:-1.5e3 | 0", events("-1.5e3"));
    }

    @Test
    void aCutStringIsReportedThenTheParseEnds() {
        assertEquals("{1 k:a 1:bo~ | 1", events("{\"a\":\"bo"));
        assertEquals("{1 k:ke~ | 1", events("{\"ke"));
        assertEquals("[1 1:\u00e9~ | 1", events("[\"\\u00e9\\u00"));
        assertEquals("[1 | 1", events("[tru"));
        assertEquals("[1 | 1", events("[-"));
    }

    @Test
    void faultsNameTheByte() {
        assertEquals("{1 k:a 2:1 | 2 unexpected '}' at offset 7", events("{\"a\":1,}"));
        assertEquals("2:1 | 2 unexpected '2' at offset 2", events("1 2"));
        assertEquals("[1 | 2 bad \\u escape at offset 6", events("[\"\\u00g0\"]"));
        assertEquals(" | 1", events(""));
    }

    @Test
    void surrogates() {
        assertEquals("[1 1:\ud83d\ude00 1:\ufffd 1:\ufffdA }0 | 0",
                events("[\"\\ud83d\\ude00\",\"\\ude00\",\"\\ud83d\\u0041\"]"));
    }

    private static String lenient(String body) {
        Recorder r = new Recorder(-1);
        JsonParser p = JsonParser.parseLenient(body.getBytes(StandardCharsets.UTF_8), r);
        return String.join(" ", r.events) + " | " + p.outcome();
    }

    @Test
    void theLenientReadingTakesWhatLenientReadersTake() {
        assertEquals("{1 k:a 1:x k:b 2:2 }0 | 0", lenient("{'a': 'x'; b => 2}"));
        assertEquals("{1 k:my key 1:some value }0 | 0", lenient("{my key: some value}"));
        assertEquals("[1 2:1 2:2 }0 | 0", lenient("// c\n[1, /* c */ 2,]"));
        assertEquals("[1 2:1 2:2 }0 | 0", lenient(")]}'\n[1,,2]"));
        assertEquals("{1 k:a 5: k:b 5: }0 | 0", lenient("{a:, b}"));
        assertEquals("{1 }0 [1 }0 | 0", lenient("{} []"), "several top-level values");
        assertEquals("[1 3:True 4:FALSE 5:Null 1:NaN 2:-Infinity }0 | 0", lenient("[True, FALSE, Null, NaN, -Infinity]"));
        assertEquals("1:a b c | 0", lenient("a b c"), "an unquoted value keeps its spaces, as org.json reads it");
        assertEquals("[1 1:a\u000bb'c 1:A }0 | 0", lenient("['a\\vb\\'c', \"\\x41\"]"));
    }

    @Test
    void theLenientReadingNeverFailsAndEndsWhereTheInputDoes() {
        assertEquals("{1 k:a 1:bc~ | 1", lenient("{a: 'bc"));
        assertEquals("[1 | 1", lenient("[ /* never closed"));
        assertEquals("[1 2:1 }0 | 0", lenient("] : [ 1 } ]"), "bytes out of place are skipped");
        assertEquals(" | 1", lenient(""));
    }

    @Test
    void onlyDocumentLikeBodiesAreReadLeniently() {
        for (String yes : new String[] {"{", " [1", "'x'", "\"x\"", ")]}'\n{", "/* c */ {", "# c\n["}) {
            assertEquals(true, JsonParser.lenientStart(yes.getBytes(StandardCharsets.UTF_8)), yes);
        }
        for (String no : new String[] {"", "id=1", "x", "1", "<a/>", "--b\r\n"}) {
            assertEquals(false, JsonParser.lenientStart(no.getBytes(StandardCharsets.UTF_8)), no);
        }
    }

    @Test
    void oneTeePassIsTwoSeparatePasses() {
        String body = "{\"user\":{\"name\":\"bob\",\"tags\":[\"a\",2,true,null]},\"n\":-1.5e3,\"e\":{},\"f\":[]}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        Recorder alone = new Recorder(-1);
        JsonParser.parse(b, alone);
        Recorder a = new Recorder(-1);
        Recorder early = new Recorder(3);
        JsonParser p = JsonParser.parse(b, new JsonParser.Tee(a, early));
        assertEquals(alone.events, a.events);
        assertEquals(alone.events.subList(0, 3), early.events);
        assertEquals(JsonParser.DONE, p.outcome());

        Recorder first = new Recorder(2);
        Recorder second = new Recorder(2);
        assertEquals(JsonParser.STOPPED, JsonParser.parse(b, new JsonParser.Tee(first, second)).outcome());
    }
}
