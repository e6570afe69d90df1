package dev.pincer.correlator.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pincer.correlator.event.SecurityLog;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the lines logged on {@code pincer.security} while open. */
public final class EventCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(SecurityLog.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public EventCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The formatted lines so far, in order. */
    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
