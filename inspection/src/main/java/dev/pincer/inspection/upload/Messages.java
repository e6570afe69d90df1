package dev.pincer.inspection.upload;

import org.apache.tika.mime.MediaType;

/**
 * The event message of a blocked upload: why, the declared type, the detected type and the file
 * name, each bounded and made printable (control characters and non-ASCII become {@code ?}), so
 * hostile headers cannot forge log lines or grow them.
 *
 * <p>Example: {@code upload blocked: the content is an executable; declared application/pdf,
 * detected application/x-executable, file "report.pdf" (judged on the first 512 bytes)}.
 */
final class Messages {
    static final int MAX_NAME = 100;
    static final int MAX_TYPE = 80;

    private Messages() {
    }

    /** @param seen the bytes judged when the file was cut short, or -1 when it was seen whole (or up to the window) */
    static String blocked(String why, String declared, MediaType detected, String filename, int seen) {
        StringBuilder m = new StringBuilder(160).append("upload blocked: ").append(why)
                .append("; declared ").append(declared == null ? "none" : printable(declared, MAX_TYPE))
                .append(", detected ").append(printable(detected.toString(), MAX_TYPE))
                .append(", file ");
        if (filename == null) {
            m.append("none");
        } else {
            m.append('"').append(printable(filename, MAX_NAME)).append('"');
        }
        if (seen >= 0) {
            m.append(" (judged on the first ").append(seen).append(" bytes)");
        }
        return m.toString();
    }

    static String printable(String s, int max) {
        int n = Math.min(s.length(), max);
        StringBuilder b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '"' ? c : '?');
        }
        return s.length() > max ? b.append("...").toString() : b.toString();
    }
}
