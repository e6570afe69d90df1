package dev.pincer.signatures.operator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registry of operators: one explicit list, name to factory. Names are matched
 * case-insensitively, with or without the leading {@code @}, as ModSecurity does; {@link #names}
 * gives them in ModSecurity's spelling. {@code detectSQLi} and {@code detectXSS} are registered by
 * the detectors' integration, not here.
 *
 * <p>Example: {@code Operators.create("rx", "^GET /", rulesDir).matches(ctx, "GET /index")} is true.
 */
public final class Operators {

    /** Builds one operator from its argument and the rule file's directory. */
    @FunctionalInterface
    private interface Factory {
        Operator create(String argument, Path ruleFileDir);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, String> BY_LOWER_NAME = new LinkedHashMap<>();

    static {
        register("rx", (a, d) -> new Rx(a));
        register("pm", (a, d) -> Pm.fromArgument(a));
        register("pmFromFile", PmFromFile::create);
        register("pmf", PmFromFile::create);
        register("streq", (a, d) -> new StrEq(a));
        register("contains", (a, d) -> new Contains(a));
        register("containsWord", (a, d) -> new ContainsWord(a));
        register("beginsWith", (a, d) -> new BeginsWith(a));
        register("endsWith", (a, d) -> new EndsWith(a));
        register("within", (a, d) -> new Within(a));
        register("strmatch", (a, d) -> new StrMatch(a));
        register("eq", (a, d) -> new Eq(a));
        register("ge", (a, d) -> new Ge(a));
        register("gt", (a, d) -> new Gt(a));
        register("le", (a, d) -> new Le(a));
        register("lt", (a, d) -> new Lt(a));
        register("ipMatch", (a, d) -> IpMatch.fromList(a));
        register("ipMatchFromFile", IpMatch::fromFiles);
        register("ipMatchF", IpMatch::fromFiles);
        register("validateByteRange", (a, d) -> new ValidateByteRange(a));
        register("validateUrlEncoding", (a, d) -> new ValidateUrlEncoding());
        register("validateUtf8Encoding", (a, d) -> new ValidateUtf8Encoding());
        register("unconditionalMatch", (a, d) -> new UnconditionalMatch());
        register("noMatch", (a, d) -> new NoMatch());
        register("detectSQLi", (a, d) -> new DetectSqli(a));
        register("detectXSS", (a, d) -> new DetectXss(a));
        register("geoLookup", (a, d) -> new GeoLookup(a));
        register("rbl", (a, d) -> new Rbl(a));
    }

    private Operators() {
    }

    private static void register(String name, Factory factory) {
        FACTORIES.put(name, factory);
        BY_LOWER_NAME.put(name.toLowerCase(Locale.ROOT), name);
    }

    /**
     * Compiles an operator at rule load.
     *
     * @param name the operator name, {@code rx} or {@code @rx} (case-insensitive)
     * @param argument the argument as the parser gives it, macros unexpanded ({@code ""} if none)
     * @param ruleFileDir the directory of the rule file, against which data files resolve; may be
     *     null when the rule comes from no file (then relative paths resolve from the working dir)
     * @throws IllegalArgumentException "unknown operator '@x'", or the reason the argument is bad
     */
    public static Operator create(String name, String argument, Path ruleFileDir) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argument, "argument");
        String bare = name.startsWith("@") ? name.substring(1) : name;
        String canonical = BY_LOWER_NAME.get(bare.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new IllegalArgumentException("unknown operator '@" + bare + "'");
        }
        try {
            return FACTORIES.get(canonical).create(argument, ruleFileDir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@" + canonical + ": " + e.getMessage(), e);
        }
    }

    /** Every operator name, in ModSecurity's spelling, aliases included. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }
}
