package dev.pincer.inspection.body;

/**
 * How a step of the JSON and XML state machines ended. {@link #MORE} means go on; the others end
 * the document.
 *
 * <p>Example: a JSON key whose string runs into the end of the input returns {@link #ENDED}, which
 * is malformed only if the body was complete.
 */
final class Outcome {
    /** The step succeeded; parsing continues. */
    static final int MORE = -1;
    /** The document ended well. */
    static final int DONE = 0;
    /** The input ran out inside the document. */
    static final int ENDED = 1;
    /** The input is not of the format; the scanner's {@code error} says why. */
    static final int FAILED = 2;
    /** The input count limit was reached. */
    static final int FULL = 3;

    private Outcome() {
    }
}
