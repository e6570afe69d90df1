package dev.pincer.inspection.verdict;

/**
 * What a finding is about, at the edge or at a sink. The sink-covered classes ({@link #sinkCovered()})
 * are each confirmed by one sink kind of the correlator (except {@link #ANALYSIS_LIMIT}, which any
 * kind can give); {@link #XSS} is confirmed by the HTML response. The rest are the edge's own:
 * access control, rate limits, uploads, scanners, protocol attacks and virtual patches. The label
 * is the value of {@code attack_class} in security events and metrics.
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
    /** A client the IP filter or a ban keeps out. */
    ACCESS("access"),
    /** A client over a rate limit. */
    RATE_LIMIT("rate_limit"),
    /** An upload whose bytes are an executable, a server-side script or archive, or not what they declare. */
    MALICIOUS_UPLOAD("malicious_upload"),
    /** Scanners, crawlers and attack tools recognised by what they send. */
    SCANNER("scanner"),
    /** Protocol attacks and anomalies (request smuggling patterns, header injection, odd encodings). */
    PROTOCOL("protocol"),
    /** A rule written for one known vulnerability of the application (a virtual patch). */
    VIRTUAL_PATCH("virtual_patch"),
    /** Remote and local file inclusion, PHP, Node.js and other classes no sink of the sensor covers. */
    OTHER_INJECTION("other_injection"),
    /**
     * Not an attack class but an outcome: a check that could not be fully judged within a bound —
     * its analysis hit one of its work budgets, or the correlator
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

    /**
     * True for the classes a sink check confirms or clears: in hybrid mode with a sensor connected,
     * an edge finding of such a class marks the request suspect instead of blocking it. {@link #XSS}
     * is not one: the edge blocks it, and the response check is a second line.
     */
    public boolean sinkCovered() {
        return switch (this) {
            case SQL_INJECTION, COMMAND_INJECTION, PATH_TRAVERSAL, SSRF, OPEN_REDIRECT, LDAP_INJECTION,
                    XPATH_INJECTION, DESERIALIZATION, JNDI_INJECTION -> true;
            default -> false;
        };
    }
}
