package dev.pincer.sensor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code deser_filter}: from the agent arguments, the system property or the environment; a bad value is one line. */
class DeserFilterConfigTest {
    private static ConfigLoader load(String args, Map<String, String> props, Map<String, String> env) {
        return ConfigLoader.load(args, props::get, env::get);
    }

    @Test
    void defaultIsAuto() {
        ConfigLoader l = load("", Map.of(), Map.of());
        assertEquals(SensorConfig.DeserFilter.AUTO, l.config().deserFilter());
        assertEquals(List.of(), l.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"auto, AUTO", "on, ON", "OFF, OFF", "' Off ', OFF"})
    void valuesBind(String value, SensorConfig.DeserFilter expected) {
        assertEquals(expected, load("deser_filter=" + value.strip(), Map.of(), Map.of()).config().deserFilter());
        assertEquals(expected, load("", Map.of("pincer.deser_filter", value), Map.of()).config().deserFilter());
        assertEquals(expected, load("", Map.of(), Map.of("PINCER_DESER_FILTER", value)).config().deserFilter());
    }

    @Test
    void agentArgumentWinsOverPropertyOverEnvironment() {
        assertEquals(SensorConfig.DeserFilter.OFF, load("deser_filter=off", Map.of("pincer.deser_filter", "on"),
                Map.of("PINCER_DESER_FILTER", "on")).config().deserFilter());
        assertEquals(SensorConfig.DeserFilter.ON, load("", Map.of("pincer.deser_filter", "on"),
                Map.of("PINCER_DESER_FILTER", "off")).config().deserFilter());
    }

    @Test
    void aBadValueIsOneLineAndFallsBackToAuto() {
        ConfigLoader l = load("deser_filter=maybe", Map.of(), Map.of());
        assertEquals(SensorConfig.DeserFilter.AUTO, l.config().deserFilter());
        assertEquals(List.of("deser_filter: maybe (expected: auto, on or off); using the default, auto"), l.problems());
        ConfigLoader p = load("", Map.of("pincer.deser_filter", "yes"), Map.of());
        assertTrue(p.problems().get(0).startsWith("pincer.deser_filter: yes (expected: auto, on or off)"), p.problems().toString());
    }

    @Test
    void toStringNamesOnlyANonDefault() {
        assertTrue(load("deser_filter=off", Map.of(), Map.of()).config().toString().endsWith(", deser_filter=off"));
        assertTrue(!load("", Map.of(), Map.of()).config().toString().contains("deser_filter"));
    }
}
