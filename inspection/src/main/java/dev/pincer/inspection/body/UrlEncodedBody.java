package dev.pincer.inspection.body;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.FormPairs;
import dev.pincer.inspection.internal.InputCollector;
import java.nio.charset.StandardCharsets;

/**
 * {@code application/x-www-form-urlencoded} bodies: the bytes read as UTF-8 (bad sequences
 * replaced) and split into FORM inputs by the same rules as a query string ({@link FormPairs}).
 * Any byte sequence is a valid form, so this processor never reports a malformed body; a cut
 * prefix leaves its last pair partial.
 *
 * <p>Example: {@code user=bob&note=1%27+or+1%3D1} gives {@code FORM user "bob"} and
 * {@code FORM note "1%27+or+1%3D1" "1' or 1=1"}.
 */
final class UrlEncodedBody {
    private UrlEncodedBody() {
    }

    static void parse(byte[] body, InputCollector out) {
        String s = new String(body, StandardCharsets.UTF_8);
        FormPairs.parse(s, 0, s.length(), InputSource.FORM, out);
    }
}
