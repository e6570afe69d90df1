package dev.pincer.signatures.lang;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directives Pincer knows, in ModSecurity v3's spelling, matched case-insensitively as v3's
 * scanner does ({@code secrule} is {@code SecRule}).
 *
 * <ul>
 *   <li><b>Supported</b>: rules ({@code SecRule}, {@code SecAction}, {@code SecMarker},
 *       {@code SecDefaultAction}), engine and body settings, rule removal and update, and
 *       {@code Include} (which the parser follows and never returns).</li>
 *   <li><b>Ignorable</b>: directives that only concern ModSecurity's own files, logs, buffers and
 *       engine internals ({@code SecAuditLog}, {@code SecDebugLog}, {@code SecTmpDir},
 *       {@code SecPcreMatchLimit}, {@code SecUnicodeMapFile}...). The parser returns them so a
 *       loader can note them; {@link #isIgnorable} tells the loader to skip them.</li>
 *   <li><b>Refused</b>: {@code SecRuleScript} (Lua) and {@code SecRemoteRules} (downloads rules
 *       at load time) are known but rejected with a reason; any other name is an unknown
 *       directive, rejected too.</li>
 * </ul>
 *
 * <p>Example: {@code Directives.canonicalName("secruleengine")} is {@code "SecRuleEngine"},
 * {@code Directives.isIgnorable("SecAuditEngine")} is true.
 */
public final class Directives {

    /** Arguments a directive takes: {@code min..max}, {@code max == VARIADIC} for "any number". */
    record Arity(int min, int max, boolean ignorable) {
        static final int VARIADIC = Integer.MAX_VALUE;
    }

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    private static final Map<String, Arity> ARITY = new LinkedHashMap<>();
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        // Rules.
        supported("SecRule", 2, 3);
        supported("SecAction", 1, 1);
        supported("SecMarker", 1, 1);
        supported("SecDefaultAction", 1, 1);
        supported("Include", 1, 1);
        // Engine and bodies.
        supported("SecRuleEngine", 1, 1);
        supported("SecRequestBodyAccess", 1, 1);
        supported("SecResponseBodyAccess", 1, 1);
        supported("SecRequestBodyLimit", 1, 1);
        supported("SecRequestBodyNoFilesLimit", 1, 1);
        supported("SecRequestBodyLimitAction", 1, 1);
        supported("SecRequestBodyJsonDepthLimit", 1, 1);
        supported("SecArgumentsLimit", 1, 1);
        supported("SecUploadFileLimit", 1, 1);
        supported("SecResponseBodyLimit", 1, 1);
        supported("SecResponseBodyLimitAction", 1, 1);
        supported("SecResponseBodyMimeType", 1, Arity.VARIADIC);
        supported("SecResponseBodyMimeTypesClear", 0, 0);
        supported("SecArgumentSeparator", 1, 1);
        // Rule removal and update (exclusions).
        supported("SecRuleRemoveById", 1, Arity.VARIADIC);
        // v3 reads the rest of the line as one tag or message: quote one with blanks.
        supported("SecRuleRemoveByTag", 1, 1);
        supported("SecRuleRemoveByMsg", 1, 1);
        supported("SecRuleUpdateTargetById", 2, 3);
        supported("SecRuleUpdateTargetByTag", 2, 3);
        supported("SecRuleUpdateTargetByMsg", 2, 3);
        supported("SecRuleUpdateActionById", 2, 2);
        // Metadata and collections.
        supported("SecComponentSignature", 1, 1);
        supported("SecCollectionTimeout", 1, 1);

        // ModSecurity's own files, logs, buffers and internals: accepted, returned, ignored.
        for (String name : new String[] {
                "SecAuditEngine", "SecAuditLog", "SecAuditLog2", "SecAuditLogDirMode",
                "SecAuditLogFileMode", "SecAuditLogFormat", "SecAuditLogParts",
                "SecAuditLogRelevantStatus", "SecAuditLogStorageDir", "SecAuditLogType",
                "SecDebugLog", "SecDebugLogLevel", "SecTmpDir", "SecDataDir", "SecUploadDir",
                "SecUploadKeepFiles", "SecUploadFileMode", "SecTmpSaveUploadedFiles",
                "SecRequestBodyInMemoryLimit", "SecPcreMatchLimit", "SecPcreMatchLimitRecursion",
                "SecUnicodeMapFile", "SecStatusEngine", "SecGeoLookupDb", "SecGsbLookupDb",
                "SecCookieFormat", "SecCookieV0Separator", "SecHashEngine", "SecHashKey",
                "SecHashParam", "SecHashMethodRx", "SecHashMethodPm", "SecWebAppId",
                "SecServerSignature", "SecSensorId", "SecXmlExternalEntity", "SecHttpBlKey",
                "SecConnEngine", "SecConnReadStateLimit", "SecConnWriteStateLimit",
                "SecGuardianLog", "SecInterceptOnError", "SecRuleInheritance", "SecRulePerfTime",
                "SecStreamInBodyInspection", "SecStreamOutBodyInspection",
                "SecDisableBackendCompression", "SecContentInjection", "SecCacheTransformations",
                "SecChrootDir", "SecRemoteRulesFailAction"}) {
            register(name, new Arity(0, Arity.VARIADIC, true));
        }

        refused("SecRuleScript", "Lua rule scripts are not supported");
        refused("SecRemoteRules", "remote rules are not supported: Pincer never downloads rules at load time");
    }

    private Directives() {}

    private static void supported(String name, int min, int max) {
        register(name, new Arity(min, max, false));
    }

    private static void register(String name, Arity arity) {
        String key = name.toLowerCase(Locale.ROOT);
        if (CANONICAL.put(key, name) != null) {
            throw new IllegalStateException("directive listed twice: " + name);
        }
        ARITY.put(name, arity);
    }

    private static void refused(String name, String reason) {
        REFUSED.put(name.toLowerCase(Locale.ROOT), reason);
    }

    /** The canonical spelling of {@code name} ({@code secrule} gives {@code SecRule}), or null. */
    public static String canonicalName(String name) {
        return name == null ? null : CANONICAL.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} (any case) is a directive Pincer acts on, {@code Include} included. */
    public static boolean isSupported(String name) {
        String canonical = canonicalName(name);
        return canonical != null && !ARITY.get(canonical).ignorable();
    }

    /** Whether {@code name} (any case) only concerns ModSecurity's own files and logs. */
    public static boolean isIgnorable(String name) {
        String canonical = canonicalName(name);
        return canonical != null && ARITY.get(canonical).ignorable();
    }

    /** The canonical names of the supported directives, sorted. */
    public static Set<String> supported() {
        Set<String> names = new TreeSet<>();
        ARITY.forEach((name, arity) -> {
            if (!arity.ignorable()) {
                names.add(name);
            }
        });
        return names;
    }

    /** The canonical names of the ignorable directives, sorted. */
    public static Set<String> ignorable() {
        Set<String> names = new TreeSet<>();
        ARITY.forEach((name, arity) -> {
            if (arity.ignorable()) {
                names.add(name);
            }
        });
        return names;
    }

    /** The arguments {@code canonical} takes. */
    static Arity arity(String canonical) {
        return ARITY.get(canonical);
    }

    /** Why a known directive is refused, or null when it is not refused. */
    static String refusal(String name) {
        return REFUSED.get(name.toLowerCase(Locale.ROOT));
    }
}
