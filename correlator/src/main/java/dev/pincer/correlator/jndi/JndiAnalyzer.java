package dev.pincer.correlator.jndi;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Locale;

/**
 * JNDI injection: a lookup of a name served by a remote naming system ({@code ldap:},
 * {@code ldaps:}, {@code rmi:}, {@code dns:}, {@code iiop:}, {@code iiopname:}, {@code corba:},
 * {@code corbaname:}, {@code nis:}, {@code nds:}; case-insensitive, after trimming blanks and
 * controls), which is how Log4Shell-style payloads load remote code. Local names
 * ({@code java:comp/env/jdbc/db}) are fine. A finding whatever the inputs; its input is the one
 * with the longest occurrence in the name ({@link Attribution}), or else the one that contains it
 * (a {@code ${jndi:ldap://...}} header that a logging library resolved), or null.
 *
 * <p>Example: {@code ldap://evil.example:1389/a} is a finding (with input {@code header:User-Agent}
 * if the name came from it); {@code java:comp/env/jdbc/orders} is not.
 */
public final class JndiAnalyzer implements SinkAnalyzer {
    private static final List<String> REMOTE = List.of("ldap:", "ldaps:", "rmi:", "dns:", "iiop:", "iiopname:",
            "corba:", "corbaname:", "nis:", "nds:");
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard();
    /** A name this short ({@code ldap://x}) says too little to tie it to an input that contains it. */
    private static final int MIN_CONTAINED = 8;

    @Override
    public SinkKind kind() {
        return SinkKind.JNDI;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String name = call.arg(0);
        int i = 0;
        while (i < name.length() && (name.charAt(i) <= ' ' || Character.isWhitespace(name.charAt(i)))) {
            i++;
        }
        String head = name.substring(i, Math.min(name.length(), i + 16)).toLowerCase(Locale.ROOT);
        String scheme = null;
        for (String r : REMOTE) {
            if (head.startsWith(r)) {
                scheme = r;
                break;
            }
        }
        if (scheme == null) {
            return null;
        }
        List<Hit> hits = Occurrences.find(name, inputs, OPTIONS).hits();
        Input source = hits.isEmpty() ? Occurrences.containing(name.strip(), inputs.inputs(), MIN_CONTAINED)
                : Attribution.strongestFirst(hits).get(0).input();
        return new Finding(AttackClass.JNDI_INJECTION, source, Evidence.of(name),
                "JNDI lookup of a remote " + scheme + " name");
    }
}
