package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small value syntaxes: durations, sizes, host:port and route hosts. */
class ValueParsersTest {
    @ParameterizedTest
    @CsvSource({"250ms, 250", "2s, 2000", "1m, 60000", "1h, 3600000", "+5s, 5000"})
    void durations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0s", "-1s", "1.5s", "2 s", "1d", "s", "9999999999s", ""})
    void badDurations(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "8192, 8192", "32k, 32768", "32K, 32768", "10m, 10485760", "1g, 1073741824",
        "1t, 1099511627776"})
    void sizes(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text, 0, 1L << 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2t", "1025g", "1.5k", "1kb", "k", "99999999999999999999"})
    void badSizes(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text, 0, 1L << 40));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1:80, 127.0.0.1, 80", "localhost:8080, localhost, 8080", "[::1]:443, ::1, 443",
        "a-b.example.com:65535, a-b.example.com, 65535"})
    void hostPorts(String text, String host, int port) {
        assertEquals(new HostPort(host, port), HostPorts.parse(text, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", ":80", "host:", "host:65536", "host:0", "::1:80", "[::1]", "[x]:80",
        "256.0.0.1:80", "-a.com:80", "a..b:80", "a_b:80", "[127.0.0.1]:80", "host:+80"})
    void badHostPorts(String text) {
        assertThrows(IllegalArgumentException.class, () -> HostPorts.parse(text, 1));
    }

    @ParameterizedTest
    @CsvSource({"API.Example.COM, api.example.com", "*.example.com, *.example.com", "10.0.0.1, 10.0.0.1",
        "::1, [::1]", "[::1], [::1]", "localhost, localhost"})
    void routeHosts(String text, String normalized) {
        assertEquals(normalized, RouteBinder.host(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com:80", "*", "*.", "*.10.0.0.1", "a.*.com", "exa mple.com", "", "ex_ample.com"})
    void badRouteHosts(String text) {
        assertThrows(IllegalArgumentException.class, () -> RouteBinder.host(text));
    }
}
