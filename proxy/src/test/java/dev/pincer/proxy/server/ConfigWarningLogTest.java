package dev.pincer.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pincer.proxy.reload.ConfigReloader;
import dev.pincer.proxy.testing.PincerHarness;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The running proxy logs the warnings {@code check-config} prints: once when it starts, and once
 * for each reload that applies a config, never per request.
 */
class ConfigWarningLogTest {
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
    void warnsOnceAtStartAndOncePerReload() throws Exception {
        try (PincerHarness pincer = PincerHarness.start(PincerHarness.yaml("trusted_proxies: [0.0.0.0/0]\n",
                "127.0.0.1:1"))) {
            String file = pincer.configFile().toString();
            assertEquals(List.of("config warning: " + file + ":12: trusted_proxies[0]: 0.0.0.0/0 (trusts"),
                    lines(), "at start");

            Files.writeString(pincer.configFile(), PincerHarness.yaml("trusted_proxies:\n  - ::/0\n", "127.0.0.1:1"));
            ConfigReloader reloader = new ConfigReloader(pincer.configFile(), pincer.server());
            assertTrue(reloader.reload("test"));
            assertTrue(reloader.reload("test again"));

            assertEquals(List.of("config warning: " + file + ":12: trusted_proxies[0]: 0.0.0.0/0 (trusts",
                    "config warning: " + file + ":13: trusted_proxies[0]: ::/0 (trusts",
                    "config warning: " + file + ":13: trusted_proxies[0]: ::/0 (trusts"), lines());
        }
    }

    @Test
    void aCleanConfigLogsNothing() throws Exception {
        try (PincerHarness pincer = PincerHarness.start(PincerHarness.yaml("trusted_proxies: [10.0.0.0/8]\n",
                "127.0.0.1:1"))) {
            assertTrue(new ConfigReloader(pincer.configFile(), pincer.server()).reload("test"));
            assertEquals(List.of(), lines());
        }
    }

    /** Each WARN line, cut after the first words of its reason. */
    private List<String> lines() {
        return appender.list.stream()
                .peek(e -> assertEquals(Level.WARN, e.getLevel()))
                .map(ILoggingEvent::getFormattedMessage)
                .map(m -> m.substring(0, m.indexOf(" (trusts") + " (trusts".length()))
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(ConfigWarningLog.class);
    }
}
