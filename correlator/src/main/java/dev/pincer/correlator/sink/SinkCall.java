package dev.pincer.correlator.sink;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sink call as a sensor reported it (a decoded CHECK frame). Argument layout per kind is in
 * docs/sensor-protocol.md, "Sink kinds"; for example {@code SQL} has {@code args = [query]} and
 * {@code EXEC} has {@code args = argv} with attributes {@code exe.path} and {@code exe.sha256}.
 *
 * @param contextId the request-context id from the signed header, or {@code ""} when the sink ran
 *                  on a thread with no (verified) request context
 * @param kind      what kind of sink
 * @param args      the sink's arguments, as strings, in the order the protocol gives
 * @param attrs     optional extra facts the sensor computed (resolved path, executable hash...)
 * @param stack     a short stack summary, innermost application frame first; may be empty
 */
public record SinkCall(String contextId, SinkKind kind, List<String> args, Map<String, String> attrs,
        String stack) {
    public SinkCall {
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
        attrs = Map.copyOf(attrs);
        Objects.requireNonNull(stack, "stack");
    }

    /** The i-th argument, or {@code ""} when the sensor sent fewer. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** An attribute, or {@code null}. */
    public String attr(String key) {
        return attrs.get(key);
    }
}
