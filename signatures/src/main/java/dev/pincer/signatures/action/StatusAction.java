package dev.pincer.signatures.action;

/** {@code status:403}: the response status of {@code deny} (or {@code redirect}), 100 to 599. */
final class StatusAction implements Action {
    private final int status;

    StatusAction(String value) {
        String v = Values.required("status", value).trim();
        int s;
        try {
            s = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s < 100 || s > 599) {
            throw new IllegalArgumentException("status '" + value + "' is not an HTTP status (100-599)");
        }
        status = s;
    }

    @Override public String name() { return "status"; }
    @Override public void describe(ActionSink rule) { rule.status(status); }
}
