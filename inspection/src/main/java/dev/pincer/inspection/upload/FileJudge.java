package dev.pincer.inspection.upload;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Judges one uploaded file from its bounded prefix, its declared {@code Content-Type} and its file
 * name, in this order, the first that applies deciding:
 * <ol>
 *   <li>the detected, the declared or the named type (the extension) is blocked by default
 *       ({@link Blocklist}), unless the allow list names that very type;</li>
 *   <li>the file starts with {@code #!}, unless {@code application/x-sh} is allowed by name;</li>
 *   <li>a polyglot: the declared or named type is an image or a document, and the prefix holds a
 *       server-side script opener ({@link Markers}), or the bytes are not of that kind (an image
 *       must detect as some {@code image/*}; a document as its own type or a container of it);</li>
 *   <li>the route has an allow list and the detected type is not in it.</li>
 * </ol>
 * An empty file passes. Returns null for a file that passes, else the event message.
 *
 * <p>Example: a PNG named {@code x.php}: {@code upload blocked: the file name names a server-side
 * script; declared image/png, detected image/png, file "x.php"}.
 */
final class FileJudge {
    private static final MediaType SHELL = MediaType.parse("application/x-sh");
    private static final MediaType JAVA_ARCHIVE = MediaType.parse("application/java-archive");
    private static final MediaType ZIP = MediaType.application("zip");

    private FileJudge() {
    }

    /**
     * @param contentType the declared type as sent, or null
     * @param filename    the file name as sent, or null
     * @param b           the file's first {@code n} bytes
     * @param cut         true when the file went on past what was seen (the message says so)
     */
    static String judge(String contentType, String filename, byte[] b, int n, boolean cut, Allowlist allow) {
        if (n == 0) {
            return null;
        }
        MediaTypeRegistry r = TypeDetector.registry();
        MediaType detected = r.normalize(TypeDetector.detect(b, n).getBaseType());
        if (r.isInstanceOf(detected, ZIP) && !r.isInstanceOf(detected, JAVA_ARCHIVE) && Markers.javaArchive(b, n)) {
            detected = JAVA_ARCHIVE;
        }
        MediaType declared = TypeDetector.declared(contentType);
        MediaType named = Blocklist.byExtension(filename);
        if (named == null) {
            named = TypeDetector.byName(filename);
        }
        String why = blocked(detected, "the content is ", allow);
        why = why != null ? why : blocked(declared, "the declared type is ", allow);
        why = why != null ? why : blocked(named, "the file name names ", allow);
        if (why == null && Markers.shebang(b, n) && !allow.names(SHELL)) {
            why = "the content is a #! script";
        }
        if (why == null) {
            why = polyglot(declared, b, n, detected);
        }
        if (why == null) {
            why = polyglot(named, b, n, detected);
        }
        if (why == null && !allow.allows(detected)) {
            why = "the detected type is not in this route's allow list";
        }
        return why == null ? null : Messages.blocked(why, contentType, detected, filename, cut ? n : -1);
    }

    private static String blocked(MediaType t, String what, Allowlist allow) {
        String reason = Blocklist.reason(t);
        return reason == null || allow.names(t) ? null : what + reason;
    }

    /** Why a file that claims {@code claimed} is something else, or null. */
    private static String polyglot(MediaType claimed, byte[] b, int n, MediaType detected) {
        if (claimed == null || !Kinds.imageOrDocument(claimed)) {
            return null;
        }
        String opener = Markers.scriptOpener(b, n);
        if (opener != null) {
            return "a file claimed as " + claimed + " holds a script opener " + opener;
        }
        return Kinds.compatible(claimed, detected) ? null : "a file claimed as " + claimed + " is something else";
    }
}
