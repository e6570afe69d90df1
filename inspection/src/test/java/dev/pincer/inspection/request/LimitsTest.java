package dev.pincer.inspection.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.testing.Invariants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile sizes under the default limits: parser bombs, huge counts, huge values. Each case states
 * how many inputs of which source survive, whether the body is malformed, and checks that the
 * result stays within every limit, is marked truncated, and so gets every hint bit.
 */
class LimitsTest {
    private static final InspectionLimits L = InspectionLimits.DEFAULT;
    private static final InputExtractor EXTRACTOR = new InputExtractor(L);

    record Bomb(String name, Supplier<RequestHead> head, Supplier<String> body, InputSource source, int count,
            String malformed, Set<Truncation> why) {
        Bomb(String name, Supplier<RequestHead> head, Supplier<String> body, InputSource source, int count,
                String malformed) {
            this(name, head, body, source, count, malformed, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bomb> bombs() {
        return Stream.of(
                new Bomb("json depth bomb, unclosed", json(), () -> "[".repeat(200_000), InputSource.JSON, 0,
                        "json: unexpected end at offset 200000"),
                new Bomb("json depth bomb, closed", json(), () -> "[".repeat(100_000) + "\"x\"" + "]".repeat(100_000),
                        InputSource.JSON, 1, null),
                new Bomb("json 100k keys", json(), () -> IntStream.range(0, 100_000)
                        .mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(",", "{", "}")),
                        InputSource.JSON, L.maxInputs() - 1, null),
                new Bomb("json 1M-char value", json(), () -> "[\"" + "x".repeat(1_000_000) + "\"]", InputSource.JSON, 1,
                        null),
                new Bomb("json 1M-char escaped value", json(), () -> "[\"" + "\\n".repeat(500_000) + "\"]",
                        InputSource.JSON, 1, null),
                new Bomb("json 100k-char key", json(), () -> "{\"" + "k".repeat(100_000) + "\":1}", InputSource.JSON, 2,
                        null),
                new Bomb("xml depth bomb, closed", xml(), () -> "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000),
                        InputSource.XML, 1, null),
                new Bomb("xml depth bomb, unclosed", xml(), () -> "<a>".repeat(100_000), InputSource.XML, 0,
                        "xml: unexpected end at offset 300000"),
                new Bomb("xml 100k attributes", xml(), () -> IntStream.range(0, 100_000)
                        .mapToObj(i -> "a" + i + "=\"1\"").collect(Collectors.joining(" ", "<r ", "/>")),
                        InputSource.XML, L.maxInputs() - 1, null),
                new Bomb("xml 1M-char text", xml(), () -> "<a>" + "&amp;".repeat(200_000) + "</a>", InputSource.XML, 1,
                        null),
                new Bomb("multipart 10k parts", type("multipart/form-data; boundary=b"), () -> IntStream
                        .range(0, 10_000)
                        .mapToObj(i -> "--b\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nv\r\n")
                        .collect(Collectors.joining("", "", "--b--")), InputSource.MULTIPART_FIELD, L.maxParts(),
                        null),
                new Bomb("form 100k equal pairs: one input, the count still cut", type(
                        "application/x-www-form-urlencoded"), () -> "a=1&".repeat(100_000), InputSource.FORM, 1, null,
                        Set.of(Truncation.COUNT)),
                new Bomb("form 100k distinct pairs", type("application/x-www-form-urlencoded"), () -> IntStream
                        .range(0, 100_000).mapToObj(i -> "a" + i + "=1").collect(Collectors.joining("&")),
                        InputSource.FORM, L.maxPairs(), null, Set.of(Truncation.COUNT)),
                new Bomb("raw 1M-char body", type("text/plain"), () -> "x".repeat(1_000_000), InputSource.RAW_BODY, 1,
                        null, Set.of(Truncation.LENGTH)),
                new Bomb("100k path segments", () -> new RequestHead("GET", "/a".repeat(100_000), List.of()),
                        () -> null, InputSource.PATH, L.maxInputs(), null, Set.of(Truncation.COUNT)),
                new Bomb("100k query pairs, equal", () -> new RequestHead("GET", "/?" + "a=1&".repeat(100_000),
                        List.of()), () -> null, InputSource.QUERY, 1, null, Set.of(Truncation.COUNT)),
                new Bomb("100k query pairs, distinct", () -> new RequestHead("GET", IntStream.range(0, 100_000)
                        .mapToObj(i -> "a" + i + "=1").collect(Collectors.joining("&", "/?", "")), List.of()),
                        () -> null, InputSource.QUERY, L.maxPairs(), null, Set.of(Truncation.COUNT)),
                new Bomb("10k cookies", () -> new RequestHead("GET", "/", List.of(new HeaderField("Cookie",
                        IntStream.range(0, 10_000).mapToObj(i -> "c" + i + "=1").collect(Collectors.joining("; "))))),
                        () -> null, InputSource.COOKIE, L.maxPairs(), null, Set.of(Truncation.COUNT)),
                new Bomb("100k cookie pairs without '='", () -> new RequestHead("GET", "/", List.of(new HeaderField(
                        "Cookie", "a;".repeat(100_000)))), () -> null, InputSource.COOKIE, 1, null,
                        Set.of(Truncation.COUNT)),
                new Bomb("100k distinct hostile query names: a name input and a value each, the pairs cut",
                        () -> new RequestHead("GET", IntStream.range(0, 100_000).mapToObj(i -> "a%27" + i + "=1")
                                .collect(Collectors.joining("&", "/?", "")), List.of()),
                        () -> null, InputSource.QUERY_NAME, L.maxPairs(), null, Set.of(Truncation.COUNT)),
                new Bomb("10k hostile header names", () -> new RequestHead("GET", "/", IntStream.range(0, 10_000)
                        .mapToObj(i -> new HeaderField("x'" + i, "1")).toList()), () -> null, InputSource.HEADER_NAME,
                        L.maxInputs() / 2, null, Set.of(Truncation.COUNT)),
                new Bomb("1M-char hostile query name, cut at the value limit", () -> new RequestHead("GET",
                        "/?'" + "n".repeat(1_000_000) + "=1", List.of()), () -> null, InputSource.QUERY_NAME, 1, null,
                        Set.of(Truncation.LENGTH)),
                new Bomb("1M-char header", () -> new RequestHead("GET", "/", List.of(new HeaderField("X-A",
                        "x".repeat(1_000_000)))), () -> null, InputSource.HEADER, 1, null, Set.of(Truncation.LENGTH)),
                new Bomb("many long values exhaust the character budget", () -> new RequestHead("GET", "/", IntStream
                        .range(0, 10).mapToObj(i -> new HeaderField("X-" + i, (char) ('a' + i) + "x".repeat(100_000)))
                        .toList()), () -> null, InputSource.HEADER, 5, null, Set.of(Truncation.LENGTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void boundedAndMarkedTruncated(Bomb bomb) {
        String body = bomb.body().get();
        RequestInputs r = EXTRACTOR.extract(bomb.head().get(),
                body == null ? null : new BodyPrefix(body.getBytes(StandardCharsets.UTF_8), true));
        Invariants.check(r, L.maxInputs(), L.maxValueChars(), L.maxNameChars(), bomb::name);
        assertEquals(bomb.count(), r.inputs().stream().filter(i -> i.source() == bomb.source()).count(), "count");
        assertEquals(bomb.malformed(), r.bodyMalformed());
        assertTrue(r.truncated(), "truncated");
        if (bomb.why() != null) {
            assertEquals(bomb.why(), r.truncations(), "truncations");
        }
        assertEquals(InputHint.ALL, InputHint.of(r, false));
    }

    /**
     * Plain names cost nothing beyond their value input, so a request at Tomcat's parameter limit in
     * both the query and the form body (1,000 plain-named pairs each) is whole under the defaults;
     * and even with bracketed names (each also a name input: 4,000 inputs) it still fits.
     */
    @Test
    void tomcatSizedRequestsWithPlainOrBracketedNamesAreWhole() {
        for (String shape : List.of("field_%d.x-y", "items[%d][id]")) {
            String pairs = IntStream.range(0, L.maxPairs()).mapToObj(i -> String.format(shape, i) + "=v")
                    .collect(Collectors.joining("&"));
            RequestHead head = new RequestHead("POST", "/?" + pairs, List.of(new HeaderField("Content-Type",
                    "application/x-www-form-urlencoded"), new HeaderField("X-Request-Trace", "abc")));
            RequestInputs r = EXTRACTOR.extract(head, new BodyPrefix(pairs.getBytes(StandardCharsets.UTF_8), true));
            assertEquals(Set.of(), r.truncations(), shape);
            long names = r.inputs().stream().filter(i -> i.source().isName()).count();
            assertEquals(shape.contains("[") ? 2L * L.maxPairs() : 0L, names, shape);
        }
    }

    /** The deepest leaf of a depth bomb keeps its value and gets a name cut to the name limit. */
    @Test
    void deepLeafKeepsItsValueUnderACutName() {
        String body = "[".repeat(1000) + "\"x\"" + "]".repeat(1000);
        RequestInputs r = EXTRACTOR.extract(json().get(), new BodyPrefix(body.getBytes(StandardCharsets.UTF_8), true));
        Input leaf = r.inputs().get(r.inputs().size() - 1);
        assertEquals("x", leaf.raw());
        assertEquals("[0]".repeat(L.maxDepth()), leaf.name());
    }

    private static Supplier<RequestHead> json() {
        return type("application/json");
    }

    private static Supplier<RequestHead> xml() {
        return type("application/xml");
    }

    private static Supplier<RequestHead> type(String contentType) {
        return () -> new RequestHead("POST", "/", List.of(new HeaderField("Content-Type", contentType)));
    }
}
