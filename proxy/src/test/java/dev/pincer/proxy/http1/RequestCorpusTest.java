package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.http1.DecoderHarness.Split;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code http1/requests.txt} three times: in one write, one byte per write, and
 * in random pieces. The outcome must not depend on how the bytes were split. Buffer leaks are
 * caught by the {@code LeakDetectionExtension} (from the correlator test-jar).
 */
class RequestCorpusTest {

    private static final String CORPUS = "/http1/requests.txt";
    /** Reasons given by other handlers than the decoder: timers and the per-listener header policy. */
    private static final Set<RejectReason> NOT_FROM_THE_DECODER = Set.of(RejectReason.HEADER_TIMEOUT,
            RejectReason.BODY_TIMEOUT, RejectReason.BODY_TOO_SLOW, RejectReason.UNDERSCORE_HEADER);

    static List<RequestCorpus.Case> cases() throws IOException {
        return RequestCorpus.load(CORPUS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(RequestCorpus.Case c) {
        for (Split split : Split.values()) {
            List<String> actual = DecoderHarness.run(c.limits(), c.input(), split, c.name().hashCode());
            assertEquals(c.expected(), actual, c.name() + " [" + split + "]");
        }
    }

    /** Guards the corpus itself: unique names, an outcome for each, every reason covered. */
    @Test
    void corpusIsWellFormedAndCoversEveryReason() throws IOException {
        List<RequestCorpus.Case> cases = RequestCorpus.load(CORPUS);
        Set<String> names = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        for (RequestCorpus.Case c : cases) {
            assertTrue(names.add(c.name()), "duplicate case name: " + c.name());
            assertTrue(!c.expected().isEmpty() && c.input().length > 0, "empty case: " + c.name());
            outcomes.addAll(c.expected());
        }
        for (RejectReason reason : RejectReason.values()) {
            if (!NOT_FROM_THE_DECODER.contains(reason)) {
                assertTrue(outcomes.contains("reject " + reason), "no corpus case for " + reason);
            }
        }
        assertTrue(cases.size() >= 60, "only " + cases.size() + " cases");
    }
}
