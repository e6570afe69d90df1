package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.config.UnderscoreHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ClientHeaders}: underscore names and Connection-named fields, before anything reads the head. */
class ClientHeadersTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "DROP   | Content_Length,X_Forwarded_For,x-ok | 2  | x-ok",
        "DROP   | x-ok                                | 0  | x-ok",
        "DROP   | _,__,a_                             | 3  | ",
        "ALLOW  | Content_Length,x-ok                 | 0  | Content_Length,x-ok",
        "REJECT | Content_Length,x-ok                 | -1 | Content_Length,x-ok",
        "REJECT | x-ok,x-ok2                          | 0  | x-ok,x-ok2",
    })
    void underscores(UnderscoreHeaders policy, String names, int result, String left) {
        HttpHeaders h = new DefaultHttpHeaders(false);
        for (String n : names.split(",")) {
            h.add(n, "1");
        }
        assertEquals(result, ClientHeaders.underscores(h, policy));
        assertEquals(left == null ? List.of() : List.of(left.split(",")), names(h));
    }

    @Test
    void droppingCountsEveryFieldOfAName() {
        HttpHeaders h = new DefaultHttpHeaders(false);
        h.add("X_A", "1");
        h.add("x_a", "2");
        assertEquals(2, ClientHeaders.underscores(h, UnderscoreHeaders.DROP));
        assertEquals(0, h.size());
    }

    @Test
    void connectionNamedFieldsGoButHopByHopOnesStayForTheExchange() {
        HttpHeaders h = new DefaultHttpHeaders(false);
        h.add("Connection", "keep-alive, Content-Type, Upgrade");
        h.add("Content-Type", "application/json");
        h.add("Upgrade", "websocket");
        h.add("X-Other", "1");
        ClientHeaders.stripConnectionNamed(h);
        assertEquals(List.of("Connection", "Upgrade", "X-Other"), names(h));
    }

    private static List<String> names(HttpHeaders h) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            out.add(e.getKey());
        }
        return out;
    }
}
