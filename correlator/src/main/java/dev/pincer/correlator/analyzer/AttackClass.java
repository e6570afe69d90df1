package dev.pincer.correlator.analyzer;

/**
 * The attack classes the correlator decides. Each is confirmed by exactly one sink kind (except
 * {@link #ANALYSIS_LIMIT}, which any kind can give); the edge keeps everything else (scanners,
 * protocol attacks, virtual patches). {@link #XSS} is confirmed by the HTML response. The label is the
 * value of {@code attack_class} in security events and metrics.
 */
public enum AttackClass {
    SQL_INJECTION("sqli"),
    COMMAND_INJECTION("command_injection"),
    PATH_TRAVERSAL("path_traversal"),
    SSRF("ssrf"),
    OPEN_REDIRECT("open_redirect"),
    LDAP_INJECTION("ldap_injection"),
    XPATH_INJECTION("xpath_injection"),
    DESERIALIZATION("deserialization"),
    JNDI_INJECTION("jndi_injection"),
    EXEC_DRIFT("exec_drift"),
    /** Reflected XSS, confirmed by the HTML response itself (the proxy's response check), not a sensor. */
    XSS("xss"),
    /**
     * Not an attack class but an outcome: a check that could not be fully judged within a bound —
     * its analysis hit one of its work budgets ({@link AnalysisLimitException}), or the correlator
     * could not give it the analysis (the request's analysis share, a full analysis queue). The
     * verdict policy ({@code correlator.on_analysis_limit}) decides it; blocked by default, because
     * the attacker chose the cost.
     */
    ANALYSIS_LIMIT("analysis_limit");

    private final String label;

    AttackClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
