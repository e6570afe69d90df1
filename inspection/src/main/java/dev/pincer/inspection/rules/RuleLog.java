package dev.pincer.inspection.rules;

import dev.pincer.inspection.seclang.RuleMatch;
import dev.pincer.signatures.rule.Rule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule log: one line per matched rule that logs (not {@code nolog}), in the format
 * libmodsecurity 3 writes to its error log, on logger {@code pincer.rules} (off unless
 * {@code PINCER_RULE_LOG_LEVEL=INFO}). Tools written for ModSecurity read it: go-ftw's
 * {@code [id "942100"]} checks and {@code match_regex}, fail2ban filters, log shippers' parsers.
 *
 * <p>Example: {@code [client 10.0.0.7] ModSecurity: Warning. Matched "Operator `Rx' with parameter
 * `(?i)union' against variable `ARGS:id' (Value: `1 union select' ) [file "rules/x.conf"] [line "12"]
 * [id "942100"] [rev ""] [msg "SQL Injection"] [data "Matched Data: ..."] [severity "2"] [ver ""]
 * [maturity "0"] [accuracy "0"] [tag "attack-sqli"] [hostname "shop.example"] [uri "/?id=1"]
 * [unique_id "c0ffee"] [ref ""]}
 *
 * <p>Every line says {@code Warning.}: the engine's interruption is not yet a block (the policy may
 * turn it into a suspect in hybrid mode), and a log line never claims a block that did not happen.
 * What was done is in the request's JSON security event. Lines are written at the end of each
 * phase, so a rule's line is out before the response it judged. Everything taken from the request
 * is escaped (quotes, backslashes, control and non-ASCII bytes as {@code \xHH}) and cut, so a
 * request can neither split a line nor forge a field.
 */
final class RuleLog {

    static final Logger LOG = LoggerFactory.getLogger("pincer.rules");

    /** Operator arguments, values and messages are cut to this many chars in a line. */
    static final int MAX_FIELD = 256;

    private RuleLog() {
    }

    static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /**
     * The line for one match.
     *
     * @param client the client address, as REMOTE_ADDR
     * @param host the request's Host header (or authority), "" when it had none
     * @param uri the request target as received
     * @param uniqueId the request id (UNIQUE_ID)
     */
    static String line(RuleMatch m, String client, String host, String uri, String uniqueId) {
        Rule head = m.rule();
        Rule last = head;
        while (last.chained() != null) {
            last = last.chained();
        }
        StringBuilder b = new StringBuilder(512);
        b.append("[client ").append(escape(client)).append("] ModSecurity: Warning. ");
        if (last.operatorName() != null && !last.isAction()) {
            b.append("Matched \"Operator `").append(operator(last.operatorName())).append("' with parameter `")
                    .append(escape(last.operatorArgument() == null ? "" : last.operatorArgument()))
                    .append("' against variable `").append(escape(m.variable() == null ? "" : m.variable()))
                    .append("' (Value: `").append(escape(m.data() == null ? "" : m.data())).append("' ) ");
        } else {
            b.append("Unconditional match in SecAction. ");
        }
        field(b, "file", head.location() == null ? "" : head.location().file());
        field(b, "line", head.location() == null ? "" : Integer.toString(head.location().line()));
        field(b, "id", Long.toString(head.id()));
        field(b, "rev", head.metadata().getOrDefault("rev", ""));
        field(b, "msg", m.message());
        field(b, "data", m.logData());
        field(b, "severity", head.severity() < 0 ? "0" : Integer.toString(head.severity()));
        field(b, "ver", head.metadata().getOrDefault("ver", ""));
        field(b, "maturity", head.metadata().getOrDefault("maturity", "0"));
        field(b, "accuracy", head.metadata().getOrDefault("accuracy", "0"));
        List<String> tags = head.tags();
        for (String t : tags) {
            field(b, "tag", t);
        }
        field(b, "hostname", host);
        field(b, "uri", uri);
        field(b, "unique_id", uniqueId);
        b.append("[ref \"\"]");
        return b.toString();
    }

    /** ModSecurity writes operator names capitalised: {@code Rx}, {@code DetectSQLi}, {@code Pm}. */
    private static String operator(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('[').append(name).append(" \"").append(escape(value == null ? "" : value)).append("\"] ");
    }

    /** Printable ASCII stays (but {@code "} and {@code \}); everything else becomes {@code \xHH}. */
    static String escape(String s) {
        int n = Math.min(s.length(), MAX_FIELD);
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (plain) {
                out.append(c);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c <= 0xff) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append("\\u").append(String.format("%04x", (int) c));
            }
        }
        String kept = out == null ? s.substring(0, n) : out.toString();
        return s.length() > MAX_FIELD ? kept + "..." : kept;
    }
}
