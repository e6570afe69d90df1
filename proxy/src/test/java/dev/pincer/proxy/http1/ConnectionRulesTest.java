package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConnectionRules#check(HttpMethod, HttpHeaders)}, the form the HTTP/2 head checks use (the
 * HTTP/1 form is covered by the decoder corpus, {@code http1/requests.txt}).
 */
class ConnectionRulesTest {

    @ParameterizedTest(name = "{0} Connection: {1} Upgrade: {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "GET  | -                              | -         | ok",
        "GET  | keep-alive                     | -         | ok",
        "GET  | close, X-Foo                   | -         | ok",
        "POST | Content-Length                 | -         | refused",
        "POST | keep-alive,\tcontent-length    | -         | refused",
        "POST | transfer-encoding              | -         | refused",
        "GET  | Host                           | -         | refused",
        "GET  | x-pincer-context               | -         | refused",
        "GET  | X-Pincer-Anything              | -         | refused",
        "GET  | Upgrade, HTTP2-Settings        | h2c       | ok",
        "GET  | Upgrade                        | h2c, foo  | refused",
        "GET  | Upgrade                        | foo       | refused",
        "GET  | Upgrade                        | -         | refused",
        "POST | Upgrade                        | websocket | refused",
        "GET  | Upgrade                        | websocket | ok",
        "GET  | keep-alive, Upgrade            | WebSocket | ok",
        "GET  | Content-Lengthx, xContent-Length | -       | ok",
    })
    void refusesWhatFramingRoutingOrPincerDependOn(String method, String connection, String upgrade, String expected) {
        HttpHeaders h = new DefaultHttpHeaders(false);
        if (connection != null) {
            h.add("Connection", connection);
        }
        if (upgrade != null) {
            h.add("Upgrade", upgrade);
        }
        RejectReason r = ConnectionRules.check(HttpMethod.valueOf(method), h);
        assertEquals(expected.equals("ok") ? null : RejectReason.BAD_CONNECTION_HEADER, r);
    }
}
