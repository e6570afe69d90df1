package dev.pincer.inspection.body;

/**
 * What a {@link BodyBuffer} tells about the file parts of a {@code multipart/form-data} body as it
 * streams past: a part starts (with what its headers declare), its content bytes in order, its
 * end. The content is never kept by the buffer; a listener keeps what it needs (the upload
 * detector keeps a bounded prefix). Called on the thread that appends, never after the body ended.
 *
 * <p>Example: for {@code --b\r\nContent-Disposition: form-data; name="f"; filename="a.png"\r\n
 * Content-Type: image/png\r\n\r\nPNG...\r\n--b--}: {@code start("image/png", "a.png")}, one
 * {@code content} call per byte of {@code PNG...\r\n}, then {@code end()}.
 */
public interface FileParts {
    /**
     * A file part's content starts.
     *
     * @param contentType the part's {@code Content-Type} value as sent, or null when it has none
     * @param filename    the part's first {@code filename} parameter, else its first
     *                    {@code filename*} percent-decoded (may be empty)
     */
    void start(String contentType, String filename);

    /**
     * The next byte of the current file part's content. The line break before the closing
     * delimiter comes through too (it is known not to be content only once the delimiter follows).
     */
    void content(byte b);

    /** The current file part ended at its delimiter. */
    void end();
}
