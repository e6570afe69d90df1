package dev.pincer.correlator.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The base64 reading of an input: only whole base64 text that decodes to UTF-8 text counts. */
class DecodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "eCcgT1IgJzEnPScx|x' OR '1'='1",          // unpadded
        "eCcgT1IgJzEnPScxJw==|x' OR '1'='1'",     // padded
        "Li4vLi4vZXRjL3Bhc3N3ZA|../../etc/passwd",
        "Pz8_Pz8_|??????",                        // URL-safe alphabet
        "YWJjZGVmZ2g|abcdefgh",
        "3f2a9c1e7d4b4e8a|3f2a9c1e7d4b4e8a",      // a hex id: its bytes are not UTF-8
        "admin12|admin12",                        // shorter than 8
        "eCcgT1Ig JzEnPScx|eCcgT1Ig JzEnPScx",    // a blank is not base64
        "eCcgT1IgJzEnPScx=|eCcgT1IgJzEnPScx=",    // padding that does not fit the length
        "ab+c/d-e_fgh|ab+c/d-e_fgh",              // both alphabets at once
        "AAECAwQFBgc|AAECAwQFBgc",                // control characters
        "YWJjZGVmZ2hp=|YWJjZGVmZ2hp="             // 12 characters and a pad: not a base64 length
    })
    void base64(String in, String expected) {
        assertEquals(expected, Decoding.base64(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"x' OR '1'='1\"|x' OR '1'='1",
        "\"a\\\"b\"|a\"b",
        "\"\"|``",
        "\"x|\"x",
        "x\"|x\"",
        "\"|\""
    })
    void unquoted(String in, String expected) {
        assertEquals(expected, Decoding.unquoted(in));
    }

    @ParameterizedTest
    @CsvSource({"7", "8", "9"})
    void theMinimumLengthIsExact(int chars) {
        // 6 bytes of text encode to 8 characters: at the minimum, decoded; one short, kept
        String text = "x'--ab";
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String in = b64.substring(0, Math.min(chars, b64.length()));
        String out = Decoding.base64(in);
        assertEquals(chars >= dev.pincer.inspection.body.Base64Text.MIN_CHARS, !out.equals(in), in + " -> " + out);
    }
}
