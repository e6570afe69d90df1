package dev.pincer.inspection.request;

/**
 * Bounds on what {@link InputExtractor} produces for one request, so that a hostile request costs
 * at most a fixed amount of memory and correlator work. Whatever a limit cuts off is reported as
 * {@code truncated}, never silently dropped.
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
 */
public record InspectionLimits(int maxInputs, int maxDepth, int maxValueChars, int maxNameChars, int maxParts,
        int maxPairs) {

    public static final InspectionLimits DEFAULT = new InspectionLimits(
            // a large real form or JSON document has a few hundred leaves; bounds correlator work
            1024,
            // real documents nest well under 20 levels; deeper is a parser bomb, not data
            64,
            // far longer than a real field, long enough for any injection payload
            8192,
            // parameter names and paths are short; longer ones only bloat events
            256,
            // an upload form has a handful of parts; hundreds is abuse
            256,
            // beyond this a query or form is parameter pollution; half the input budget
            512);

    /** @throws IllegalArgumentException naming the first limit that is not positive */
    public InspectionLimits {
        positive("maxInputs", maxInputs);
        positive("maxDepth", maxDepth);
        positive("maxValueChars", maxValueChars);
        positive("maxNameChars", maxNameChars);
        positive("maxParts", maxParts);
        positive("maxPairs", maxPairs);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive number)");
        }
    }
}
