package dev.pincer.proxy.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.config.RouteConfig.Incomplete;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.proxy.metrics.ProxyMetrics;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The answer to an incomplete request, by its reasons and the route's policy, and its count: once, first reason. */
class IncidentsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(EnumSet.of(Truncation.BODY), Incomplete.REJECT, 413, "body"),
                Arguments.of(EnumSet.of(Truncation.COUNT, Truncation.BODY), Incomplete.REJECT, 413, "body"),
                Arguments.of(EnumSet.of(Truncation.COUNT), Incomplete.REJECT, 400, "count"),
                Arguments.of(EnumSet.of(Truncation.LENGTH), Incomplete.REJECT, 400, "length"),
                Arguments.of(EnumSet.of(Truncation.DEPTH), Incomplete.REJECT, 400, "depth"),
                Arguments.of(EnumSet.of(Truncation.ENCODING), Incomplete.REJECT, 400, "encoding"),
                Arguments.of(EnumSet.of(Truncation.BODY), Incomplete.SUSPECT, 0, "body"),
                Arguments.of(EnumSet.of(Truncation.DEPTH, Truncation.ENCODING), Incomplete.SUSPECT, 0, "depth"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void answersAndCountsOnce(Set<Truncation> reasons, Incomplete policy, int status, String label) {
        ProxyMetrics metrics = new ProxyMetrics(false);
        Incidents incidents = new Incidents(metrics, "r1", "192.0.2.1", "POST", "/x");
        for (int i = 0; i < 2; i++) {
            var answer = incidents.incomplete("c1", reasons, policy);
            if (status == 0) {
                assertNull(answer);
            } else {
                assertEquals(status, answer.code());
            }
        }
        String action = policy == Incomplete.REJECT ? "reject" : "suspect";
        assertEquals(1.0, metrics.incomplete.labels(label, action).get());
    }
}
