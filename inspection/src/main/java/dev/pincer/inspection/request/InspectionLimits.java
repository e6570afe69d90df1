package dev.pincer.inspection.request;

/**
 * Bounds on what {@link InputExtractor} produces for one request, so that a hostile request costs
 * at most a fixed amount of memory and correlator work. Whatever a limit cuts off is recorded as a
 * {@link dev.pincer.inspection.input.Truncation}, never silently dropped; the request is then
 * incomplete.
 *
 * <p>Memory: the inputs of one request hold at most {@code maxTotalChars} characters (names, raw and
 * decoded forms together; a Java string stores one or two bytes per character) plus a fixed
 * overhead of about 100 bytes per input, so with {@link #DEFAULT} at most 512 Ki characters (1 MiB)
 * + 4,096 x 100 B, about 1.4 MiB, however the request is shaped.
 *
 * <p>Example: {@code new InspectionLimits(256, 32, 4096, 128, 64, 256)} for a small deployment;
 * most use {@link #DEFAULT}.
 *
 * @param maxInputs     inputs kept per request
 * @param maxDepth      JSON/XML nesting depth that is given its own path segment
 * @param maxValueChars characters kept per input value (longer values are cut)
 * @param maxNameChars  characters kept per input name or path
 * @param maxParts      multipart parts read
 * @param maxPairs      pairs read per query string, form body or set of cookies
 * @param maxTotalChars characters kept over all inputs of the request (names, raw and decoded forms)
 */
public record InspectionLimits(int maxInputs, int maxDepth, int maxValueChars, int maxNameChars, int maxParts,
        int maxPairs, int maxTotalChars) {

    /** Characters in the default body limit: a whole non-file body fits in one value. */
    public static final int BODY_CHARS = 128 * 1024;

    public static final InspectionLimits DEFAULT = new InspectionLimits(
            // Tomcat's 1,000 parameters in the query and 1,000 in a form, plus headers, cookies, paths
            4096,
            // real documents nest well under 20 levels; deeper is a parser bomb, not data
            64,
            // a whole 128 KiB non-file body (ModSecurity's SecRequestBodyNoFilesLimit) in one field
            BODY_CHARS,
            // JSON/XML paths of real documents, 20 levels of long keys, fit
            2048,
            // Tomcat counts parts as parameters: its maxParameterCount of 1,000
            1000,
            // Tomcat's maxParameterCount: apps refuse or drop more, so more is pollution
            1000,
            // a whole body raw, decoded and as a sniffed format, plus headers: 512 Ki characters
            4 * BODY_CHARS);

    /** The limits before the per-request character budget: the budget is {@code maxInputs x (value + name)}. */
    public InspectionLimits(int maxInputs, int maxDepth, int maxValueChars, int maxNameChars, int maxParts,
            int maxPairs) {
        this(maxInputs, maxDepth, maxValueChars, maxNameChars, maxParts, maxPairs,
                (int) Math.min(Integer.MAX_VALUE, (long) maxInputs * (2L * maxValueChars + maxNameChars)));
    }

    /** @throws IllegalArgumentException naming the first limit that is not positive */
    public InspectionLimits {
        positive("maxInputs", maxInputs);
        positive("maxDepth", maxDepth);
        positive("maxValueChars", maxValueChars);
        positive("maxNameChars", maxNameChars);
        positive("maxParts", maxParts);
        positive("maxPairs", maxPairs);
        positive("maxTotalChars", maxTotalChars);
    }

    /**
     * These limits with values long enough for a whole body of {@code bodyBytes} (a raw body is one
     * value), and a character budget that still holds such a body raw, decoded and sniffed, as the default does.
     */
    public InspectionLimits forBody(int bodyBytes) {
        if (bodyBytes <= maxValueChars) {
            return this;
        }
        long total = Math.max(maxTotalChars, 4L * bodyBytes);
        return new InspectionLimits(maxInputs, maxDepth, bodyBytes, maxNameChars, maxParts, maxPairs,
                (int) Math.min(Integer.MAX_VALUE, total));
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive number)");
        }
    }
}
