package dev.pincer.inspection.upload;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Which claimed types are images or documents (the ones a polyglot hides behind), and whether a
 * detected type fits such a claim. Images: any {@code image/*}, and any detected image fits (a
 * PNG named {@code .jpg} is common and harmless). Documents: PDF, RTF and the Microsoft and
 * OpenDocument office types; the detected type fits when it is the claimed type, a specialization
 * of it, or a container it specializes (a {@code .docx} detects as {@code application/zip} from
 * its magic alone).
 *
 * <p>Example: {@code compatible(image/png, image/gif)} is true; {@code compatible(application/pdf,
 * application/x-elf)} is false.
 */
final class Kinds {
    private Kinds() {
    }

    static boolean imageOrDocument(MediaType t) {
        return image(t) || document(t);
    }

    static boolean compatible(MediaType claimed, MediaType detected) {
        if (image(claimed)) {
            return image(detected);
        }
        MediaTypeRegistry r = TypeDetector.registry();
        MediaType c = r.normalize(claimed.getBaseType());
        if (r.isInstanceOf(detected, c)) {
            return true;
        }
        return !detected.equals(MediaType.OCTET_STREAM) && !detected.equals(MediaType.TEXT_PLAIN)
                && r.isSpecializationOf(c, detected);
    }

    private static boolean image(MediaType t) {
        return t.getType().equals("image");
    }

    private static boolean document(MediaType t) {
        if (!t.getType().equals("application")) {
            return false;
        }
        String s = t.getSubtype();
        return s.equals("pdf") || s.equals("rtf") || s.equals("msword") || s.startsWith("vnd.ms-")
                || s.startsWith("vnd.openxmlformats-officedocument.") || s.startsWith("vnd.oasis.opendocument.");
    }
}
