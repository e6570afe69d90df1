package dev.pincer.inspection.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's magic detection ({@link MimeTypes#getDefaultMimeTypes()}, the types and magics of
 * {@code tika-mimetypes.xml}), built once per process on first use: loading the type table takes
 * tens of milliseconds, so it is never built per request or per reload. Detection is by the bytes
 * only (no file name is given to Tika), and thread-safe.
 *
 * <p>Example: {@code detect("\u0089PNG\r\n\u001a\n..." bytes, n)} is {@code image/png};
 * {@code byName("shell.php")} is {@code text/x-php}.
 */
final class TypeDetector {
    private TypeDetector() {
    }

    /** Builds the table now (at startup, off the request path); later calls cost nothing. */
    static void warm() {
        Holder.TYPES.getMediaTypeRegistry();
    }

    static MediaTypeRegistry registry() {
        return Holder.TYPES.getMediaTypeRegistry();
    }

    /** The type {@code b[0, n)} is by its magic; {@code application/octet-stream} when unknown. */
    static MediaType detect(byte[] b, int n) {
        try {
            return Holder.TYPES.detect(new ByteArrayInputStream(b, 0, n), new Metadata());
        } catch (IOException e) {
            return MediaType.OCTET_STREAM; // a byte array cannot fail to read; unknown bytes, judged as such
        }
    }

    /** The type a file name's extension stands for (Tika's globs), or null when it names none. */
    static MediaType byName(String filename) {
        if (filename == null || filename.isEmpty()) {
            return null;
        }
        MimeType t = Holder.TYPES.getMimeType(filename);
        MediaType m = t == null ? null : t.getType();
        return m == null || m.equals(MediaType.OCTET_STREAM) ? null : m;
    }

    /** A declared {@code Content-Type} as a registry type (aliases resolved), or null when unparsable. */
    static MediaType declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType m = MediaType.parse(contentType.trim());
        return m == null ? null : registry().normalize(m.getBaseType());
    }

    private static final class Holder {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    }
}
