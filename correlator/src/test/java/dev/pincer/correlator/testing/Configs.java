package dev.pincer.correlator.testing;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.config.CorrelatorConfig.Mode;
import dev.pincer.config.HostPort;
import java.time.Duration;
import java.util.List;

/** Correlator configs for tests: loopback, ephemeral port, the test token. */
public final class Configs {
    public static final String TOKEN = "0123456789abcdef";

    private Configs() {
    }

    public static CorrelatorConfig of(Mode mode) {
        return of(mode, 16, 64);
    }

    public static CorrelatorConfig of(Mode mode, int maxSensors, int maxInFlight) {
        return of(mode, maxSensors, maxInFlight, CorrelatorConfig.Analysis.DEFAULTS);
    }

    public static CorrelatorConfig of(Mode mode, int maxSensors, int maxInFlight, CorrelatorConfig.Analysis analysis) {
        return new CorrelatorConfig(new HostPort("127.0.0.1", 0), TOKEN, Duration.ofMillis(50), mode, maxSensors,
                64 * 1024, maxInFlight, Duration.ofMinutes(5), 1000, 64 * 1024, List.of(), ExecPolicy.ALLOW, null,
                analysis);
    }
}
