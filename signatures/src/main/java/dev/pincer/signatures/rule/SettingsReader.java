package dev.pincer.signatures.rule;

import dev.pincer.signatures.action.EngineMode;
import dev.pincer.signatures.lang.Directive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the configuration directives ({@code SecRuleEngine}, {@code SecRequestBodyLimit}...)
 * of a rule set into {@link EngineSettings}; the last one read wins, as in ModSecurity.
 */
final class SettingsReader {

    /** Body limits above this are refused: Pincer holds what it inspects in memory. */
    static final long MAX_BODY_LIMIT = 1L << 30;

    private EngineMode ruleEngine = EngineSettings.DEFAULTS.ruleEngine();
    private boolean requestBodyAccess = EngineSettings.DEFAULTS.requestBodyAccess();
    private boolean responseBodyAccess = EngineSettings.DEFAULTS.responseBodyAccess();
    private long requestBodyLimit = EngineSettings.DEFAULTS.requestBodyLimit();
    private long requestBodyNoFilesLimit = EngineSettings.DEFAULTS.requestBodyNoFilesLimit();
    private boolean rejectOverLimit = EngineSettings.DEFAULTS.rejectOverLimit();
    private long responseBodyLimit = EngineSettings.DEFAULTS.responseBodyLimit();
    private boolean rejectResponseOverLimit = EngineSettings.DEFAULTS.rejectResponseOverLimit();
    private final Set<String> mimeTypes = new LinkedHashSet<>(EngineSettings.DEFAULTS.responseBodyMimeTypes());
    private char argumentSeparator = EngineSettings.DEFAULTS.argumentSeparator();
    private long collectionTimeout = EngineSettings.DEFAULTS.collectionTimeout();
    private final List<String> signatures = new ArrayList<>();
    private int jsonDepthLimit = EngineSettings.DEFAULTS.jsonDepthLimit();
    private int argumentsLimit = EngineSettings.DEFAULTS.argumentsLimit();
    private int uploadFileLimit = EngineSettings.DEFAULTS.uploadFileLimit();

    void read(Directive d) {
        List<String> args = d.arguments();
        String first = args.isEmpty() ? "" : args.get(0);
        switch (d.name()) {
            case "SecRuleEngine" -> ruleEngine = EngineMode.parse(one(d));
            case "SecRequestBodyAccess" -> requestBodyAccess = onOff(one(d));
            case "SecResponseBodyAccess" -> responseBodyAccess = onOff(one(d));
            case "SecRequestBodyLimit" -> requestBodyLimit = bytes(one(d));
            case "SecRequestBodyNoFilesLimit" -> requestBodyNoFilesLimit = bytes(one(d));
            case "SecResponseBodyLimit" -> responseBodyLimit = bytes(one(d));
            case "SecRequestBodyLimitAction" -> rejectOverLimit = limitAction(one(d));
            case "SecResponseBodyLimitAction" -> rejectResponseOverLimit = limitAction(one(d));
            case "SecResponseBodyMimeType" -> {
                for (String a : args) {
                    for (String t : a.trim().split("\\s+")) {
                        if (!t.isEmpty()) {
                            mimeTypes.add(t.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            case "SecResponseBodyMimeTypesClear" -> mimeTypes.clear();
            case "SecArgumentSeparator" -> {
                String s = one(d);
                if (s.length() != 1) {
                    throw new IllegalArgumentException("'" + s + "' is not one character");
                }
                argumentSeparator = s.charAt(0);
            }
            case "SecCollectionTimeout" -> collectionTimeout = positive(one(d), Long.MAX_VALUE);
            case "SecComponentSignature" -> signatures.add(first);
            case "SecRequestBodyJsonDepthLimit" -> jsonDepthLimit = (int) positive(one(d), 10_000);
            case "SecArgumentsLimit" -> argumentsLimit = (int) positive(one(d), 1_000_000);
            case "SecUploadFileLimit" -> uploadFileLimit = (int) positive(one(d), 100_000);
            case "Include" -> { }
            default -> throw new IllegalArgumentException("is not supported by Pincer's rule engine");
        }
    }

    EngineSettings settings() {
        return new EngineSettings(ruleEngine, requestBodyAccess, responseBodyAccess, requestBodyLimit,
                requestBodyNoFilesLimit, rejectOverLimit, responseBodyLimit, rejectResponseOverLimit,
                mimeTypes, argumentSeparator, collectionTimeout, signatures, jsonDepthLimit, argumentsLimit,
                uploadFileLimit);
    }

    private static String one(Directive d) {
        if (d.arguments().size() != 1) {
            throw new IllegalArgumentException("takes 1 argument, got " + d.arguments().size());
        }
        return d.arguments().get(0).trim();
    }

    private static boolean onOff(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' (expected On or Off)");
        };
    }

    private static boolean limitAction(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "reject" -> true;
            case "processpartial" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' (expected Reject or ProcessPartial)");
        };
    }

    private static long bytes(String v) {
        return positive(v, MAX_BODY_LIMIT);
    }

    private static long positive(String v, long max) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n <= 0 || n > max) {
            throw new IllegalArgumentException("'" + v + "' (expected a positive number up to " + max + ")");
        }
        return n;
    }
}
