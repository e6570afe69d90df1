package dev.pincer.e2e.harness;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Captures what the in-process Pincer logs on {@code pincer.security} (one JSON object per line)
 * while open, with the logger's own appenders detached so the test output stays readable. Events
 * are looked up by request id, waiting briefly: the correlator may log just after the 403 leaves.
 */
public final class SecurityEvents implements AutoCloseable {
    public static final String LOGGER = "pincer.security";
    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final ListAppender<ILoggingEvent> list = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final Level level;

    public SecurityEvents() {
        level = logger.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(logger::detachAppender);
        logger.setLevel(Level.INFO);
        list.start();
        logger.addAppender(list);
    }

    /** Every event logged so far, parsed; a line that is not JSON becomes {@code {"unparsed": line}}. */
    public List<Map<String, Object>> all() {
        List<ILoggingEvent> copy;
        synchronized (list) {
            copy = new ArrayList<>(list.list);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ILoggingEvent e : copy) {
            String line = e.getFormattedMessage();
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) Json.parse(line);
                out.add(m);
            } catch (RuntimeException ex) {
                out.add(Map.of("unparsed", line));
            }
        }
        return out;
    }

    /** The events carrying this request id, waiting up to {@code waitMillis} for at least one. */
    public List<Map<String, Object>> forRequest(String requestId, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            List<Map<String, Object>> found = all().stream()
                    .filter(e -> Objects.equals(requestId, e.get("request_id"))).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    @Override
    public void close() {
        logger.detachAppender(list);
        list.stop();
        detached.forEach(logger::addAppender);
        logger.setLevel(level);
    }
}
