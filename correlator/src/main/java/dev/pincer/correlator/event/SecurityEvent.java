package dev.pincer.correlator.event;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.inspection.input.Input;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code sink_verdict} security event: a sink call, what the correlator decided about it, and
 * what really happened to the sink. The JSON form and field meanings are in docs/correlation.md,
 * "Security events". Request fields are {@code null} when the call had no (live) request context.
 *
 * <p>Example: a block verdict that reached the sensor in time is {@code action "block",
 * sink_ran false, decided "block"}; the same verdict after the sensor had given up (TIMEOUT, fail
 * open) is {@code action "fail_open", sink_ran true, decided "block"}.
 *
 * @param ts          when the decision was made
 * @param action      what happened: block, monitor, observed, fail_open, fail_closed or late
 * @param sinkRan     whether the sink ran (as far as the correlator knows: late assumes it did)
 * @param decided     what the correlator decided (block, monitor, observed, allow), or {@code null}
 *                    when the check was never judged
 * @param requestId   the public request id
 * @param contextId   the context id the CHECK carried ({@code null} when empty)
 * @param clientIp    the client address
 * @param method      the request method
 * @param path        the request path, without query
 * @param attackClass the finding's class label ({@code sqli}, ...), or {@code null} without a finding
 * @param input       the input that changed the call's meaning, or {@code null}
 * @param sinkKind    the sink kind label, or {@code null} when the check is unknown
 * @param argument    the sink argument (argv joined by spaces for exec), truncated to 1024 characters
 * @param stack       the sensor's stack summary
 * @param evidence    the finding's tokens
 * @param reason      the finding's sentence, or what happened when there was no finding
 * @param edgeRuleIds the edge rules that marked the request suspect
 * @param sensor      the sensor id from HELLO
 * @param mode        hybrid, edge or monitor
 */
public record SecurityEvent(Instant ts, String action, boolean sinkRan, String decided, String requestId,
                            String contextId, String clientIp, String method, String path, String attackClass,
                            Input input, String sinkKind, String argument, String stack, List<String> evidence,
                            String reason, List<String> edgeRuleIds, String sensor, String mode) {
    public static final String EVENT = "sink_verdict";
    static final int MAX_ARGUMENT_CHARS = 1024;
    static final int MAX_INPUT_CHARS = 256;

    public SecurityEvent {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(action, "action");
        evidence = List.copyOf(evidence);
        edgeRuleIds = List.copyOf(edgeRuleIds);
    }

    /** The event of a decision with a finding, as decided; {@code ctx} is {@code null} without a live context. */
    public static SecurityEvent of(Decision d, RequestContext ctx, String sensorId, Instant ts) {
        SinkCall call = Objects.requireNonNull(d.call(), "decision without a call");
        Objects.requireNonNull(d.finding(), "decision without a finding");
        return of(d.action(), d, call, ctx, sensorId, ts, "");
    }

    /**
     * The event of a check whose outcome is {@code action} (fail_open, fail_closed, late, or the
     * decision's own), with or without a finding.
     *
     * @param d    the correlator's decision ({@code null}: never judged)
     * @param call the call judged
     * @param why  the reason when the decision has no finding
     */
    public static SecurityEvent of(Action action, Decision d, SinkCall call, RequestContext ctx, String sensorId,
                                   Instant ts, String why) {
        Objects.requireNonNull(call, "call");
        Finding f = d == null ? null : d.finding();
        boolean live = ctx != null;
        return new SecurityEvent(ts, action.label(), action.sinkRan(), d == null ? null : d.action().label(),
                live ? ctx.requestId() : null,
                call.contextId().isEmpty() ? null : call.contextId(),
                live ? ctx.clientIp() : null,
                live ? ctx.method() : null,
                live ? ctx.path() : null,
                f == null ? null : f.attackClass().label(), f == null ? null : f.input(), call.kind().label(),
                Json.truncate(argument(call), MAX_ARGUMENT_CHARS), call.stack(),
                f == null ? List.of() : f.evidence(), f == null ? why : f.reason(),
                live ? ctx.edgeRuleIds() : List.of(), sensorId,
                d == null ? null : d.mode().name().toLowerCase(Locale.ROOT));
    }

    /** A TIMEOUT for a stream the connection has no record of: the sink is known only to have (not) run. */
    public static SecurityEvent unknownCheck(Action action, String sensorId, Instant ts, String why) {
        return new SecurityEvent(ts, action.label(), action.sinkRan(), null, null, null, null, null, null, null, null,
                null, null, null, List.of(), why, List.of(), sensorId, null);
    }

    private static String argument(SinkCall call) {
        return call.kind() == SinkKind.EXEC ? String.join(" ", call.args()) : call.arg(0);
    }

    /** The event as one line of JSON, fields in the documented order. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"ts\":\"").append(ts).append('"');
        sb.append(",\"event\":\"").append(EVENT).append('"');
        field(sb, "action", action);
        sb.append(",\"sink_ran\":").append(sinkRan);
        field(sb, "decided", decided);
        field(sb, "request_id", requestId);
        field(sb, "context_id", contextId);
        field(sb, "client_ip", clientIp);
        field(sb, "method", method);
        field(sb, "path", path);
        field(sb, "attack_class", attackClass);
        sb.append(",\"input\":");
        if (input == null) {
            sb.append("null");
        } else {
            sb.append("{\"source\":");
            Json.quote(sb, input.source().label());
            field(sb, "name", input.name());
            field(sb, "value", Json.truncate(input.decoded(), MAX_INPUT_CHARS));
            sb.append('}');
        }
        if (sinkKind == null) {
            sb.append(",\"sink\":null");
        } else {
            sb.append(",\"sink\":{\"kind\":");
            Json.quote(sb, sinkKind);
            field(sb, "argument", argument);
            field(sb, "stack", stack);
            sb.append('}');
        }
        sb.append(",\"evidence\":");
        Json.array(sb, evidence);
        field(sb, "reason", reason);
        sb.append(",\"edge_rule_ids\":");
        Json.array(sb, edgeRuleIds);
        field(sb, "sensor", sensor);
        field(sb, "mode", mode);
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        Json.quote(sb, value);
    }
}
