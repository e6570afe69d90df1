package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules' view of a JSON body: libmodsecurity v3's argument names, byte-string values, and the
 * REQBODY_ERROR_MSG for every way a body stops the processor (the arguments before it are kept).
 */
class JsonArgumentsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{\"a\":{\"b\":1}}", 512, "json.a.b=1", null),
                Arguments.of("{\"arr\":[1,\"x\",true,false,null]}", 512,
                        "json.arr.array_0=1 json.arr.array_1=x json.arr.array_2=true json.arr.array_3=false json.arr.array_4=",
                        null),
                Arguments.of("[[1],[2,3]]", 512, "json.array_0.array_0=1 json.array_1.array_0=2 json.array_1.array_1=3", null),
                Arguments.of("[{\"k\":\"v\"},{\"k\":\"w\"}]", 512, "json.array_0.k=v json.array_1.k=w", null),
                Arguments.of("\"root\"", 512, "json=root", null),
                Arguments.of("{\"\":1,\"x\":{\"\":2}}", 512, "json.empty-key=1 json.x.empty-key=2", null),
                Arguments.of("{\"e\":{},\"f\":[],\"g\":2}", 512, "json.g=2", null),
                // escapes become UTF-8 bytes, one char per byte; a lone surrogate is U+FFFD's bytes
                Arguments.of("{\"q\":\"\\u0027 or 1=1\\u00e9\"}", 512, "json.q=' or 1=1\u00c3\u00a9", null),
                Arguments.of("[\"\\ud83d\"]", 512, "json.array_0=\u00ef\u00bf\u00bd", null),
                // a UTF-8 byte order mark is skipped, as the correlator's view skips it
                Arguments.of("\ufeff{\"a\":1}", 512, "json.a=1", null),
                // errors: what was read before stays
                Arguments.of("", 512, "", "JSON parsing error: the body is empty"),
                Arguments.of(" \r\n", 512, "", "JSON parsing error: the body is empty"),
                Arguments.of("{\"a\":1,\"b\":", 512, "json.a=1", "JSON parsing error: the body ends inside a value"),
                Arguments.of("{\"a\":1,\"b\":\"cut", 512, "json.a=1", "JSON parsing error: the body ends inside a value"),
                Arguments.of("{\"a\":1}x", 512, "json.a=1", "JSON parsing error: unexpected 'x' at offset 7"),
                Arguments.of("{\"a\":1,}", 512, "json.a=1", "JSON parsing error: unexpected '}' at offset 7"),
                Arguments.of("{\"a\":\"\\x\"}", 512, "", "JSON parsing error: bad escape at offset 6"),
                Arguments.of("[\"a\u0001\"]", 512, "", "JSON parsing error: control character in string at offset 3"),
                // the depth limit, and one deeper
                Arguments.of("[[1]]", 2, "json.array_0.array_0=1", null),
                Arguments.of("[1,[[2]]]", 2, "json.array_0=1", "JSON parsing error: nesting deeper than 2"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void argumentsAndError(String body, int depth, String expected, String error) {
        List<String> args = new ArrayList<>();
        String got = JsonArguments.parse(body.getBytes(StandardCharsets.UTF_8), depth, (k, v) -> args.add(k + "=" + v));
        assertEquals(expected, String.join(" ", args));
        assertEquals(error, got);
    }
}
