package dev.pincer.inspection.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PlainName}: which names are no inputs of their own (plain) and which are (the rest). */
class PlainNameTest {
    @ParameterizedTest(name = "[{0}] plain: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "id|true", "user_name|true", "X-Request-Id|true", "a.b|true", "N0|true", "_ga|true", "__Host-sid|true",
        "a-b.c_d|true", "9|true", "a.|true", "a-|true", "a.-b|true",
        "``|false", "-rf|false", ".env|false", "a..b|false", "a--|false", "a--b|false", "..|false",
        "user[name]|false", "a b|false", "x'or'1|false", "a=b|false", "a;b|false", "a/b|false", "a\\b|false",
        "$Version|false", "a%27|false", "a+b|false", "caf\u00e9|false", "a\u0001b|false", "a:b|false", "a*|false"})
    void plainOrNot(String name, boolean plain) {
        assertEquals(plain, PlainName.test(name));
    }
}
