package dev.pincer.proxy.ftw;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The rule log ({@code pincer.rules}, ModSecurity-format lines) kept in memory while the suite
 * runs, in place of its usual appenders, so that the runner reads each stage's lines between its
 * two marker lines (go-ftw's log markers). Bounded: the runner clears it at every stage. The
 * access log and security events (three lines per stage, 15,000 for the CRS suite) are off for the
 * run, and back at their levels after it.
 */
final class RuleLogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final int MAX_LINES = 100_000;

    private final List<String> lines = new ArrayList<>();
    private final Logger logger;
    private final Level previous;
    private final Logger[] quiet = {(Logger) LoggerFactory.getLogger("pincer.access"),
        (Logger) LoggerFactory.getLogger("pincer.security")};
    private final Level[] quietLevels = new Level[quiet.length];

    RuleLogCapture() {
        logger = (Logger) LoggerFactory.getLogger("pincer.rules");
        previous = logger.getLevel();
        setContext(logger.getLoggerContext());
        setName("ftw-capture");
        start();
        logger.detachAndStopAllAppenders();
        logger.setAdditive(false);
        logger.addAppender(this);
        logger.setLevel(Level.INFO);
        for (int i = 0; i < quiet.length; i++) {
            quietLevels[i] = quiet[i].getLevel();
            quiet[i].setLevel(Level.OFF);
        }
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        if (lines.size() < MAX_LINES) {
            lines.add(e.getFormattedMessage());
        }
        notifyAll();
    }

    synchronized void clear() {
        lines.clear();
    }

    /** The index of the first line holding {@code marker}, waiting for it up to the timeout; -1 if none came. */
    synchronized int await(String marker, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int from = 0;
        while (true) {
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    return i;
                }
            }
            from = lines.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<String> between(int from, int to) {
        return new ArrayList<>(lines.subList(from + 1, to));
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previous);
        for (int i = 0; i < quiet.length; i++) {
            quiet[i].setLevel(quietLevels[i]);
        }
        stop();
    }
}
