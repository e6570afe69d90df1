package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Accept-Encoding} narrowed to what the XSS check decodes; {@code -} for no field. */
class AcceptEncodingTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br, zstd|gzip, deflate",
        "br|identity",
        "br;q=1.0, gzip;q=0.5|gzip;q=0.5",
        "*|identity",
        "GZIP, x-gzip|GZIP, x-gzip",
        "identity|identity",
        "-|-"})
    void narrowed(String sent, String forwarded) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (!sent.equals("-")) {
            h.add("Accept-Encoding", sent);
        }
        AcceptEncoding.restrict(h);
        if (forwarded.equals("-")) {
            assertNull(h.get("Accept-Encoding"));
        } else {
            assertEquals(forwarded, h.get("Accept-Encoding"));
        }
    }
}
