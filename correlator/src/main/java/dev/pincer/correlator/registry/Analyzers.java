package dev.pincer.correlator.registry;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.deser.DeserializationAnalyzer;
import dev.pincer.correlator.drift.ExecBaseline;
import dev.pincer.correlator.drift.ExecDriftAnalyzer;
import dev.pincer.correlator.jndi.JndiAnalyzer;
import dev.pincer.correlator.ldap.LdapArgumentJudge;
import dev.pincer.correlator.ldap.LdapInjectionAnalyzer;
import dev.pincer.correlator.path.PathArgumentJudge;
import dev.pincer.correlator.path.PathTraversalAnalyzer;
import dev.pincer.correlator.redirect.OpenRedirectAnalyzer;
import dev.pincer.correlator.shell.CommandInjectionAnalyzer;
import dev.pincer.correlator.shell.ShellArgumentJudge;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.sql.SqlArgumentJudge;
import dev.pincer.correlator.sql.SqlInjectionAnalyzer;
import dev.pincer.correlator.ssrf.SsrfAnalyzer;
import dev.pincer.correlator.xpath.XPathArgumentJudge;
import dev.pincer.correlator.xpath.XPathInjectionAnalyzer;
import dev.pincer.inspection.input.RequestInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one registry of sink analyzers: which analyzers judge which sink kind, in the order they are
 * asked. Every kind has at least one; {@code exec} has two, command injection first (its finding
 * names the input) and then exec drift when {@code correlator.exec} is {@code deny} or
 * {@code baseline}. Every analyzer is wrapped in a guard that turns an internal exception into
 * "no finding" and logs it, so callers never see one. Build once per config; the result is
 * immutable and thread-safe.
 *
 * <p>Example:
 * <pre>{@code
 * Map<SinkKind, List<SinkAnalyzer>> analyzers = Analyzers.create(cfg, null);
 * Finding f = Analyzers.firstFinding(analyzers.get(call.kind()), call, inputs);
 * }</pre>
 */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * @param cfg              the correlator config (redirect allowlist, exec policy)
     * @param baselineOrNull   the loaded exec baseline; required when {@code cfg.exec()} is
     *                         {@link ExecPolicy#BASELINE}, ignored otherwise
     * @return for every {@link SinkKind}, its analyzers in order, guarded
     * @throws NullPointerException when the policy is {@code baseline} and no baseline is given
     */
    public static Map<SinkKind, List<SinkAnalyzer>> create(CorrelatorConfig cfg, ExecBaseline baselineOrNull) {
        Map<SinkKind, List<SinkAnalyzer>> raw = build(cfg, baselineOrNull);
        Map<SinkKind, List<SinkAnalyzer>> out = new EnumMap<>(SinkKind.class);
        raw.forEach((kind, list) -> out.put(kind, list.stream().<SinkAnalyzer>map(Guarded::new).toList()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@link #create(CorrelatorConfig, ExecBaseline)} with the baseline read from
     * {@code cfg.execBaseline()} when the policy is {@code baseline}.
     *
     * @throws IOException when the baseline file cannot be read or does not parse (the message
     *                     names file and line)
     */
    public static Map<SinkKind, List<SinkAnalyzer>> create(CorrelatorConfig cfg) throws IOException {
        ExecBaseline baseline = cfg.exec() == ExecPolicy.BASELINE && cfg.execBaseline() != null
                ? ExecBaseline.load(cfg.execBaseline()) : null;
        return create(cfg, baseline);
    }

    /**
     * The argument-only judges ({@link ArgumentJudge}), one per kind that has one (SQL, exec, file,
     * LDAP, XPath), for requests whose inputs inspection could not keep whole. Stateless; the map
     * is immutable.
     */
    public static Map<SinkKind, ArgumentJudge> argumentJudges() {
        Map<SinkKind, ArgumentJudge> m = new EnumMap<>(SinkKind.class);
        for (ArgumentJudge j : List.of(new SqlArgumentJudge(), new ShellArgumentJudge(), new PathArgumentJudge(),
                new LdapArgumentJudge(), new XPathArgumentJudge())) {
            m.put(j.kind(), j);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The first finding of {@code analyzers} (in order) on {@code call}, or null. */
    public static Finding firstFinding(List<SinkAnalyzer> analyzers, SinkCall call, RequestInputs inputs) {
        if (analyzers == null) {
            return null;
        }
        for (SinkAnalyzer a : analyzers) {
            Finding f = a.analyze(call, inputs);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The registry without guards: tests use it to see exceptions the guard would hide. */
    static Map<SinkKind, List<SinkAnalyzer>> build(CorrelatorConfig cfg, ExecBaseline baselineOrNull) {
        Objects.requireNonNull(cfg, "cfg");
        Map<SinkKind, List<SinkAnalyzer>> m = new EnumMap<>(SinkKind.class);
        m.put(SinkKind.SQL, List.of(new SqlInjectionAnalyzer()));
        List<SinkAnalyzer> exec = new ArrayList<>(List.of(new CommandInjectionAnalyzer()));
        if (cfg.exec() != ExecPolicy.ALLOW) {
            exec.add(new ExecDriftAnalyzer(cfg.exec(), baselineOrNull));
        }
        m.put(SinkKind.EXEC, List.copyOf(exec));
        m.put(SinkKind.FILE, List.of(new PathTraversalAnalyzer()));
        m.put(SinkKind.URL, List.of(new SsrfAnalyzer()));
        m.put(SinkKind.REDIRECT, List.of(new OpenRedirectAnalyzer(cfg.redirectAllowlist())));
        m.put(SinkKind.LDAP, List.of(new LdapInjectionAnalyzer()));
        m.put(SinkKind.XPATH, List.of(new XPathInjectionAnalyzer()));
        m.put(SinkKind.DESERIALIZE, List.of(new DeserializationAnalyzer(cfg.deserialization())));
        m.put(SinkKind.JNDI, List.of(new JndiAnalyzer()));
        return m;
    }
}
