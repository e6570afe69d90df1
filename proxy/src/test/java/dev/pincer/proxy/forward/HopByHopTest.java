package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HopByHop}: RFC 9110 §7.6.1 connection-specific fields. */
class HopByHopTest {

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "Proxy-Connection", "Keep-Alive", "TE", "Transfer-Encoding", "Upgrade"})
    void standardHopByHopFieldsAreRemoved(String name) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add(name, "x");
        h.add("Accept", "*/*");
        HopByHop.strip(h);
        assertFalse(h.contains(name), name);
        assertEquals("*/*", h.get("accept"));
    }

    @Test
    void fieldsNamedInConnectionAreRemovedAcrossRepeatedFieldLines() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Connection", "close, X-Secret ,, x-other");
        h.add("Connection", "X-Third");
        h.add("X-Secret", "1");
        h.add("X-Other", "2");
        h.add("x-third", "3");
        h.add("X-Kept", "4");
        HopByHop.strip(h);
        assertEquals(List.of("X-Kept"), h.names().stream().toList());
    }

    @Test
    void connectionCannotRemoveAnythingUnlessItIsNamed() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Connection", "keep-alive");
        h.add("Host", "a");
        h.add("Content-Length", "3");
        HopByHop.strip(h);
        assertEquals("a", h.get("host"));
        assertEquals("3", h.get("content-length"));
        assertFalse(h.contains("connection"));
    }

    @ParameterizedTest(name = "{0}: {1} has {2}? {3}")
    @CsvSource(delimiter = '|', value = {
        "Connection | Upgrade              | upgrade   | true",
        "Connection | keep-alive, UPGRADE  | upgrade   | true",
        "Connection | upgrade-insecure     | upgrade   | false",
        "Upgrade    | h2c, WebSocket       | websocket | true",
        "Upgrade    | websocket2           | websocket | false",
    })
    void containsToken(String name, String value, String token, boolean expected) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add(name, value);
        assertEquals(expected, HopByHop.containsToken(h, name, token));
    }

    @Test
    void containsTokenLooksAtEveryFieldLine() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Connection", "keep-alive");
        h.add("Connection", "Upgrade");
        assertTrue(HopByHop.containsToken(h, "connection", "upgrade"));
        assertFalse(HopByHop.containsToken(new DefaultHttpHeaders(), "connection", "upgrade"));
    }
}
