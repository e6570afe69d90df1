package dev.pincer.signatures.action;

/**
 * {@code phase:2}: when the rule runs. 1 request headers, 2 request body, 3 response headers,
 * 4 response body, 5 logging; v3 also accepts {@code request} (2), {@code response} (4) and
 * {@code logging} (5).
 */
final class PhaseAction implements Action {
    private final int phase;

    PhaseAction(String value) {
        phase = switch (Values.required("phase", value).trim()) {
            case "1" -> 1;
            case "2", "request" -> 2;
            case "3" -> 3;
            case "4", "response" -> 4;
            case "5", "logging" -> 5;
            default -> throw new IllegalArgumentException(
                    "phase '" + value + "' is not 1 to 5 (or request, response, logging)");
        };
    }

    @Override public String name() { return "phase"; }
    @Override public void describe(ActionSink rule) { rule.phase(phase); }
}
