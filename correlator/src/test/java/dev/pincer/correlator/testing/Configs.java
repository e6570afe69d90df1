package dev.pincer.correlator.testing;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.config.HostPort;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import java.time.Duration;
import java.util.List;

/** Correlator configs for tests: loopback, ephemeral port, the test token; and the policy's settings in a mode. */
public final class Configs {
    public static final String TOKEN = "0123456789abcdef";

    private Configs() {
    }

    public static CorrelatorConfig of() {
        return of(16, 64);
    }

    public static CorrelatorConfig of(int maxSensors, int maxInFlight) {
        return of(maxSensors, maxInFlight, CorrelatorConfig.Analysis.DEFAULTS);
    }

    public static CorrelatorConfig of(int maxSensors, int maxInFlight, CorrelatorConfig.Analysis analysis) {
        return new CorrelatorConfig(new HostPort("127.0.0.1", 0), TOKEN, Duration.ofMillis(50), maxSensors,
                64 * 1024, maxInFlight, Duration.ofMinutes(5), 1000, List.of(), ExecPolicy.ALLOW, null,
                analysis);
    }

    /** {@link ProtectionConfig#DEFAULT} in {@code mode}. */
    public static ProtectionConfig protection(Mode mode) {
        ProtectionConfig d = ProtectionConfig.DEFAULT;
        return new ProtectionConfig(mode, d.incomplete(), d.onAnalysisLimit(), d.bodyPrefixBytes());
    }
}
