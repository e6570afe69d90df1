package dev.pincer.correlator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.FrameText;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code server/protocol-cases.txt} against one connection's real pipeline:
 * the bytes a sensor sends, the frames the correlator writes back, whether it closed, and the
 * counters it moved.
 */
class ProtocolCasesTest {
    static List<ProtocolCases.Case> cases() throws Exception {
        return ProtocolCases.load("/server/protocol-cases.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void protocolCase(ProtocolCases.Case c) {
        SensorChannel.Server server = new SensorChannel.Server(c.mode(), 4, 16);
        RequestContext ctx = server.contexts.open("req-1", "192.0.2.1", "GET", "/users", new RequestInputs(List.of(
                Input.plain(InputSource.QUERY, "id", "1' OR '1'='1"), Input.plain(InputSource.QUERY, "name", "bob")),
                null, false));
        try (EventCapture events = new EventCapture(); SensorChannel ch = server.connect()) {
            byte[] proof = ch.proof();
            byte[] proofx = Arrays.copyOf(proof, proof.length);
            proofx[proofx.length - 1] ^= 1;
            if (c.handshake()) {
                ch.handshake(c.version());
            }
            ch.send(FrameText.parse(c.input(), Map.of("proof", proof, "proofx", proofx,
                    "ctx", ctx.id().getBytes(StandardCharsets.US_ASCII))));
            List<Frame> frames = ch.frames();
            int i = 0;
            for (String e : c.expected()) {
                String[] w = e.split(" ");
                switch (w[0]) {
                    case "open", "closed" -> {
                        assertTrue(i == frames.size(), "unexpected frames: " + frames.subList(i, frames.size()));
                        assertEquals(w[0].equals("open"), ch.open(), "connection state");
                    }
                    case "metric" -> assertEquals(Double.parseDouble(w[w.length - 1]), metric(server, w), e);
                    case "event" -> {
                    }
                    default -> {
                        assertTrue(i < frames.size(), "missing frame: " + e + "; got " + frames);
                        assertEquals(e, describe(frames.get(i++)));
                    }
                }
            }
            for (String e : c.expected()) {
                if (e.startsWith("event ")) {
                    String want = e.substring(6);
                    assertTrue(events.lines().stream().anyMatch(l -> l.contains(want)), want + " in " + events.lines());
                }
            }
            assertTrue(events.lines().size() <= 2, "events: " + events.lines());
        }
    }

    private static double metric(SensorChannel.Server server, String[] w) {
        String[] labels = new String[(w.length - 3) * 2];
        for (int j = 2; j < w.length - 1; j++) {
            String[] kv = w[j].split("=", 2);
            labels[2 * (j - 2)] = kv[0];
            labels[2 * (j - 2) + 1] = kv[1];
        }
        return server.metric(w[1], labels);
    }

    /** A frame in the expectation syntax of the case file. */
    static String describe(Frame f) {
        if (f instanceof Frame.Welcome w) {
            return w.version() == 1 ? "welcome" : "welcome v" + w.version();
        }
        if (f instanceof Frame.Verdict v) {
            String verdict = List.of("allow", "block", "monitor").get(v.verdict());
            String cache = List.of("none", "request", "process").get(v.cache());
            return "verdict " + Integer.toUnsignedString(v.stream()) + " " + verdict + " " + cache + " "
                    + (v.attackClass().isEmpty() ? "-" : v.attackClass());
        }
        if (f instanceof Frame.Error e) {
            return "error " + Integer.toUnsignedString(e.stream()) + " " + ErrorCode.ofCode(e.code()).label();
        }
        if (f instanceof Frame.Pong p) {
            return "pong " + Integer.toUnsignedString(p.stream()) + " "
                    + HexFormat.of().toHexDigits(p.data());
        }
        return f.toString();
    }
}
