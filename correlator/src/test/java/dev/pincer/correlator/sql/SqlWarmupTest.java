package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.correlator.registry.VectorRunner;
import dev.pincer.correlator.registry.Warmup;
import org.junit.jupiter.api.Test;

/** The warm-up reads a query both ways and breaks a tie between the readings (the test seam counts). */
class SqlWarmupTest {
    @Test
    void warmUpTakesBothReadingsAndTheTieBreak() {
        long ties = SqlReadings.TIE_BREAKS.get();
        long two = SqlReadings.TWO_READINGS.get();
        Warmup.run(Analyzers.create(VectorRunner.config(ExecPolicy.ALLOW), null));
        assertTrue(SqlReadings.TWO_READINGS.get() > two, "no query was read both ways");
        assertTrue(SqlReadings.TIE_BREAKS.get() > ties, "the tie break between readings never ran");
    }
}
