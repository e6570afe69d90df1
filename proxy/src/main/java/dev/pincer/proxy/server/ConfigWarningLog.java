package dev.pincer.proxy.server;

import dev.pincer.config.ConfigWarnings;
import dev.pincer.config.PincerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a config's {@link ConfigWarnings} at WARN, one line each, when the proxy starts with it and
 * each time a reload applies it: the same lines {@code pincer check-config} prints, e.g.
 * {@code config warning: /etc/pincer/pincer.yaml:12: correlator.listen: 0.0.0.0:7701 (listens
 * beyond loopback, ...)}. Edge mode always warns for now: there is no edge rule engine yet.
 */
final class ConfigWarningLog {
    private static final Logger log = LoggerFactory.getLogger(ConfigWarningLog.class);

    private ConfigWarningLog() {
    }

    /** Never throws: a warning that cannot be worked out must not fail a start or a reload. */
    static void log(PincerConfig config) {
        try {
            for (ConfigWarnings.Warning w : ConfigWarnings.check(config, ConfigWarnings.edgeRules(config))) {
                log.warn("config warning: {}", w);
            }
        } catch (RuntimeException e) {
            log.warn("config warnings could not be checked for {}: {}", config.source(), e.toString());
        }
    }
}
