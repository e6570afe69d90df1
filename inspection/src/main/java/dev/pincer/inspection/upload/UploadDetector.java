package dev.pincer.inspection.upload;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import java.util.Locale;

/**
 * The upload detector as a transaction participant (control {@code upload}): for a request whose
 * head announces a body (a {@code Content-Length} other than 0, or a {@code Transfer-Encoding}) of
 * an upload type, it opens an {@link UploadStep} that needs the body; every other request opens
 * nothing and streams at no cost. Upload types: {@code multipart/form-data} (its file parts are
 * the files), and a raw body of any type but form, JSON and XML, which is one file named by the
 * last path segment ({@code PUT /files/shell.php}). A missing {@code Content-Type} counts as raw.
 * Immutable and shared by every request of the routes it was compiled for.
 *
 * <p>Example: {@code POST /upload} with {@code Content-Type: multipart/form-data; boundary=b} and
 * {@code Content-Length: 120} opens a step; {@code GET /} and a JSON {@code POST} open none.
 */
final class UploadDetector implements Participant {
    static final String CONTROL = "upload";
    /** Tika's magic for every type blocked here sits in the first bytes; 8 KiB also spans most appended scripts of small images. */
    static final int WINDOW = 8192;
    /** Non-file multipart bytes (part headers, fields) read to find the file parts: the most a body prefix holds. */
    static final int FIELD_LIMIT = 1 << 20;
    /** Non-empty files judged per request: a detection costs ~0.3 ms of event-loop CPU, so 32 bound a request to ~10 ms. */
    static final int MAX_FILES = 32;

    private final Allowlist allow;
    private final int window;

    UploadDetector(Allowlist allow, int window) {
        this.allow = allow;
        this.window = window;
    }

    @Override
    public String control() {
        return CONTROL;
    }

    Allowlist allow() {
        return allow;
    }

    int window() {
        return window;
    }

    @Override
    public Step open(Transaction tx) {
        String contentType = null;
        boolean body = false;
        for (HeaderField h : tx.head().headers()) {
            String name = h.name();
            if (name.equalsIgnoreCase("content-type") && contentType == null) {
                contentType = h.value();
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                body = true;
            } else if (name.equalsIgnoreCase("content-length") && !h.value().trim().equals("0")) {
                body = true;
            }
        }
        if (!body) {
            return null;
        }
        String essence = essence(contentType);
        if (essence.equals("multipart/form-data")) {
            UploadStep s = UploadStep.multipart(this, contentType);
            if (s != null) {
                return s;
            }
        } else if (!raw(essence)) {
            return null;
        }
        return UploadStep.raw(this, contentType, lastSegment(tx.head().target()));
    }

    /** True for a body type that is an upload when raw: anything but forms, JSON and XML. */
    static boolean raw(String essence) {
        return !(essence.equals("application/x-www-form-urlencoded") || essence.equals("application/json")
                || essence.endsWith("+json") || essence.equals("application/xml") || essence.equals("text/xml")
                || essence.endsWith("+xml"));
    }

    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The last segment of the target's path, undecoded, or null when it is empty. */
    static String lastSegment(String target) {
        int end = target.length();
        int q = target.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int h = target.indexOf('#');
        if (h >= 0 && h < end) {
            end = h;
        }
        int slash = target.lastIndexOf('/', end - 1);
        String s = target.substring(slash + 1, end);
        return s.isEmpty() ? null : s;
    }
}
