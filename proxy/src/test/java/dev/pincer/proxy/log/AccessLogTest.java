package dev.pincer.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link AccessLog}: one JSON object per request on logger {@code pincer.access}. */
class AccessLogTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        appender.start();
        logger().addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger().detachAppender(appender);
        appender.stop();
    }

    @Test
    void oneValidJsonLineWithEveryField() {
        assertTrue(AccessLog.enabled());
        AccessLog.write(new AccessLog.Entry("0123456789abcdef0123456789abcdef", "2001:db8::1", "GET", "/a/b",
                "HTTP/1.1", 200, 12, 3456, 1_234_567, "*/", "app", "127.0.0.1:8081"));

        Map<String, Object> line = only();
        assertEquals(List.of("time", "request_id", "client_ip", "method", "path", "protocol", "status", "bytes_in",
                "bytes_out", "duration_ms", "route", "upstream", "server"), List.copyOf(line.keySet()));
        Instant.parse((String) line.get("time"));
        assertEquals("0123456789abcdef0123456789abcdef", line.get("request_id"));
        assertEquals("2001:db8::1", line.get("client_ip"));
        assertEquals("GET", line.get("method"));
        assertEquals("/a/b", line.get("path"));
        assertEquals("HTTP/1.1", line.get("protocol"));
        assertEquals(200.0, line.get("status"));
        assertEquals(12.0, line.get("bytes_in"));
        assertEquals(3456.0, line.get("bytes_out"));
        assertEquals(1.235, line.get("duration_ms"));
        assertEquals("*/", line.get("route"));
        assertEquals("app", line.get("upstream"));
        assertEquals("127.0.0.1:8081", line.get("server"));
    }

    @Test
    void localAnswersLogNullsForWhatTheyNeverReached() {
        AccessLog.write(new AccessLog.Entry("id", "192.0.2.1", "CONNECT", "a:443", "HTTP/1.1", 405, 0, 0, 0,
                null, null, null));
        Map<String, Object> line = only();
        assertTrue(line.containsKey("route"));
        assertNull(line.get("route"));
        assertNull(line.get("upstream"));
        assertNull(line.get("server"));
        assertEquals(0.0, line.get("duration_ms"));
    }

    @Test
    void hostileValuesCannotBreakTheLine() {
        String path = "/x\"}\n{\"status\":200,\"forged\":\"\u2028\\";
        AccessLog.write(new AccessLog.Entry("id", "192.0.2.1", "G\u0000T", path, "HTTP/1.1", 400, 0, 0, 0,
                null, null, null));
        String raw = appender.list.get(0).getFormattedMessage();
        assertFalse(raw.contains("\n"), raw);
        assertFalse(raw.contains("\u2028"), raw);
        Map<String, Object> line = only();
        assertEquals(path, line.get("path"));
        assertEquals("G\u0000T", line.get("method"));
        assertEquals(400.0, line.get("status"));
        assertFalse(line.containsKey("forged"));
    }

    @Test
    void longDurationsAreStillJsonNumbers() {
        AccessLog.write(new AccessLog.Entry("id", "192.0.2.1", "GET", "/", "HTTP/2", 200, 0, 0,
                3 * 3600L * 1_000_000_000L, null, null, null));
        assertEquals(10_800_000.0, only().get("duration_ms"));
    }

    private Map<String, Object> only() {
        assertEquals(1, appender.list.size(), "one line per request");
        return FlatJson.object(appender.list.get(0).getFormattedMessage());
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger("pincer.access");
    }
}
