package dev.pincer.signatures.rule;

import dev.pincer.signatures.action.EngineMode;
import java.util.List;
import java.util.Set;

/**
 * The engine-wide settings a rule set's configuration directives make. Defaults differ from
 * ModSecurity's where Pincer is a WAF first: the engine is On and request bodies are inspected
 * unless a file says otherwise ({@code protection.mode} decides whether a match blocks).
 *
 * @param ruleEngine {@code SecRuleEngine} (default On)
 * @param requestBodyAccess {@code SecRequestBodyAccess} (default On)
 * @param responseBodyAccess {@code SecResponseBodyAccess} (default Off)
 * @param requestBodyLimit {@code SecRequestBodyLimit} in bytes (default 13,107,200, ModSecurity's)
 * @param requestBodyNoFilesLimit {@code SecRequestBodyNoFilesLimit} (default 131,072)
 * @param rejectOverLimit {@code SecRequestBodyLimitAction}: true for Reject (default), false for ProcessPartial
 * @param responseBodyLimit {@code SecResponseBodyLimit} (default 524,288)
 * @param rejectResponseOverLimit {@code SecResponseBodyLimitAction} (default ProcessPartial: false)
 * @param responseBodyMimeTypes {@code SecResponseBodyMimeType} (default text/plain, text/html)
 * @param argumentSeparator {@code SecArgumentSeparator} (default {@code &})
 * @param collectionTimeout {@code SecCollectionTimeout} in seconds (default 3,600)
 * @param componentSignatures every {@code SecComponentSignature}
 * @param jsonDepthLimit {@code SecRequestBodyJsonDepthLimit} (default 512, ModSecurity's recommended)
 * @param argumentsLimit {@code SecArgumentsLimit}: arguments beyond it are a body error (default 1,000)
 * @param uploadFileLimit {@code SecUploadFileLimit}: file parts beyond it are a multipart error (default 100)
 */
public record EngineSettings(
        EngineMode ruleEngine,
        boolean requestBodyAccess,
        boolean responseBodyAccess,
        long requestBodyLimit,
        long requestBodyNoFilesLimit,
        boolean rejectOverLimit,
        long responseBodyLimit,
        boolean rejectResponseOverLimit,
        Set<String> responseBodyMimeTypes,
        char argumentSeparator,
        long collectionTimeout,
        List<String> componentSignatures,
        int jsonDepthLimit,
        int argumentsLimit,
        int uploadFileLimit) {

    public static final EngineSettings DEFAULTS = new EngineSettings(EngineMode.ON, true, false,
            13_107_200, 131_072, true, 524_288, false, Set.of("text/plain", "text/html"), '&', 3_600,
            List.of(), 512, 1_000, 100);

    public EngineSettings {
        responseBodyMimeTypes = Set.copyOf(responseBodyMimeTypes);
        componentSignatures = List.copyOf(componentSignatures);
    }
}
