package dev.pincer.correlator.deser;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.DeserializationMode;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.Objects;
import java.util.Set;

/**
 * Unsafe deserialization: the class about to be deserialized ({@code args[0]}) is refused, whatever
 * the request's inputs (serialized streams are binary and rarely show up as an input, so there is
 * nothing to correlate). The finding's input is always null. Refused are:
 * <ul>
 *   <li>a gadget class ({@link GadgetList}), unless an {@code allow} entry names it at least as
 *       precisely as the deny-list entry does (allow {@code org.apache.commons.collections.} does not
 *       re-admit the {@code ...functors.} package; allow {@code java.rmi.server.RemoteObject} does
 *       re-admit that class, for an app that is itself an RMI client);</li>
 *   <li>in {@code allowlist} mode, any class no {@code allow} entry covers, except
 *       {@link #IMPLICIT}: the JDK value classes whose descriptors every stream of strings, numbers
 *       and enums carries, and primitive arrays;</li>
 *   <li>an empty name, or one no class can have ({@code a..b}, {@code a.}, {@code [} left after
 *       unwrapping an array): nothing to judge.</li>
 * </ul>
 * Array descriptors are judged by their element class ({@code [Lorg.foo.Bar;}, {@code [[Lorg/foo/Bar;}),
 * internal names ({@code a/b/C}) read as binary names.
 *
 * <p>Example: {@code [Lorg.apache.commons.collections.functors.InvokerTransformer;} is a finding
 * ("deserializes gadget class ..."); {@code java.util.HashMap} is not, and in allowlist mode with
 * {@code allow: [com.shop.]} it is ("... not in correlator.deserialization.allow").
 */
public final class DeserializationAnalyzer implements SinkAnalyzer {
    /**
     * Implicitly allowed in allowlist mode: {@code String} (string arrays and fields of class
     * objects), {@code Enum} (the superclass descriptor of every enum constant), {@code Number} and
     * the primitive wrappers (the superclass and class descriptors of every boxed value),
     * {@code BigInteger}/{@code BigDecimal} and {@code Object} (as an array element type or a class
     * reference). None has a {@code readObject} that does more than restore its value. The JDK's
     * own RMI registry filter ({@code sun.rmi.registry.RegistryImpl.registryFilter}) admits
     * {@code String} and every {@code Number} for the same reason.
     */
    static final Set<String> IMPLICIT = Set.of("java.lang.String", "java.lang.Enum", "java.lang.Number",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigInteger", "java.math.BigDecimal",
            "java.lang.Object");

    private final GadgetList gadgets;
    private final DeserializationMode mode;
    private final Set<String> allow;

    /** The deny-list alone. */
    public DeserializationAnalyzer() {
        this(CorrelatorConfig.Deserialization.DEFAULTS);
    }

    public DeserializationAnalyzer(CorrelatorConfig.Deserialization policy) {
        Objects.requireNonNull(policy, "policy");
        this.gadgets = GadgetList.DEFAULT;
        this.mode = policy.mode();
        this.allow = Set.copyOf(policy.allow());
    }

    @Override
    public SinkKind kind() {
        return SinkKind.DESERIALIZE;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String raw = call.arg(0);
        if (ClassNames.isPrimitiveArray(raw)) {
            return null;
        }
        String name = ClassNames.normalize(raw);
        if (name.isEmpty()) {
            return finding(name, "deserializes a class the sensor did not name (nothing to judge)");
        }
        if (!ClassNames.isBinaryName(name)) {
            return finding(name, "deserializes " + Evidence.one(name) + ", which is not a class name (nothing to judge)");
        }
        String allowed = allow.isEmpty() ? null : ClassNames.longestMatch(allow::contains, name);
        String entry = gadgets.match(name);
        if (entry != null && (allowed == null || allowed.length() < entry.length())) {
            return finding(name, "deserializes gadget class " + name + " (deny-list entry " + entry + ": "
                    + gadgets.source(entry) + ")");
        }
        if (mode == DeserializationMode.ALLOWLIST && allowed == null && !IMPLICIT.contains(name)) {
            return finding(name, "deserializes " + name + ", which correlator.deserialization.allow does not name"
                    + " (allowlist mode)");
        }
        return null;
    }

    private static Finding finding(String name, String reason) {
        return new Finding(AttackClass.DESERIALIZATION, null, Evidence.of(name), reason);
    }

    /** {@code [[Lcom/x/Y;} to {@code com.x.Y}; blanks trimmed; bounded. */
    static String normalize(String raw) {
        return ClassNames.normalize(raw);
    }
}
