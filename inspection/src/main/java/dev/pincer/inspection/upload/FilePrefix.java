package dev.pincer.inspection.upload;

/**
 * The first bytes of one uploaded file, up to a fixed window, with what its headers declare; one
 * per request, reused part after part. Bytes beyond the window are counted, not kept, so a file
 * whose prefix arrives in many chunks is judged on exactly the bytes a single chunk would give.
 *
 * <p>Example: with a window of 8192, {@code add} of a 10 MiB file keeps 8192 bytes and
 * {@link #full()} turns true at the 8192nd.
 */
final class FilePrefix {
    private final byte[] bytes;
    private int size;
    private boolean past;
    private String contentType;
    private String filename;
    private boolean open;

    FilePrefix(int window) {
        this.bytes = new byte[window];
    }

    void start(String contentType, String filename) {
        this.contentType = contentType;
        this.filename = filename;
        this.size = 0;
        this.past = false;
        this.open = true;
    }

    /** @return true when this byte filled the window (the file can be judged now) */
    boolean add(byte b) {
        if (size < bytes.length) {
            bytes[size++] = b;
            return size == bytes.length;
        }
        past = true;
        return false;
    }

    /** The line break before a multipart delimiter is not the file's: drops a trailing CRLF or LF. */
    void dropDelimiterBreak() {
        if (full()) {
            return;
        }
        if (size > 0 && bytes[size - 1] == '\n') {
            size--;
            if (size > 0 && bytes[size - 1] == '\r') {
                size--;
            }
        }
    }

    /** True when no byte of the current file has arrived (an empty file costs no detection). */
    boolean empty() {
        return size == 0;
    }

    boolean full() {
        return size == bytes.length;
    }

    /** True while a file is open and not yet judged. */
    boolean open() {
        return open;
    }

    /** Judges the file as seen and closes it; null when it passes. */
    String judge(Allowlist allow, boolean cut) {
        open = false;
        return FileJudge.judge(contentType, filename, bytes, size, cut && !past, allow);
    }
}
