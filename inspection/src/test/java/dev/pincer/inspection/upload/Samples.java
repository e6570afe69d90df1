package dev.pincer.inspection.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real upload samples, made in code: images written by ImageIO, a PDF, ZIPs written by
 * {@code java.util.zip}, and executable headers laid out as their formats define them (ELF: the
 * System V ABI; PE: the MS-DOS stub with {@code e_lfanew} at 0x3c; Mach-O: {@code mach_header_64}).
 */
final class Samples {
    private Samples() {
    }

    static byte[] image(String format) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, (x * 16) << 16 | (y * 16) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ascii("""
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """);
    }

    /** A 64-bit little-endian ELF executable header ({@code e_type} ET_EXEC, x86-64), then zeros. */
    static byte[] elf() {
        byte[] b = new byte[128];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2; // ELFCLASS64
        b[5] = 1; // little endian
        b[6] = 1; // EV_CURRENT
        b[16] = 2; // ET_EXEC
        b[18] = 0x3e; // EM_X86_64
        b[20] = 1;
        b[52] = 64; // e_ehsize
        return b;
    }

    /** An MS-DOS header whose {@code e_lfanew} points at a {@code PE\0\0} signature at 0x80. */
    static byte[] pe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        b[0x84] = 0x64; // IMAGE_FILE_MACHINE_AMD64, little endian 0x8664
        b[0x85] = (byte) 0x86;
        return b;
    }

    /** A {@code mach_header_64} (MH_MAGIC_64 little endian, x86-64, MH_EXECUTE). */
    static byte[] machO() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xcf;
        b[1] = (byte) 0xfa;
        b[2] = (byte) 0xed;
        b[3] = (byte) 0xfe;
        b[4] = 7; // CPU_TYPE_X86
        b[7] = 1; // | CPU_ARCH_ABI64
        b[8] = 3;
        b[12] = 2; // MH_EXECUTE
        return b;
    }

    static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(ascii("<content of " + e + ">\n"));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A multipart/form-data body with one field and one file part. */
    static byte[] multipart(String boundary, String filename, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder()
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(filename).append("\"\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        return concat(ascii(head.toString()), content, ascii("\r\n--" + boundary + "--\r\n"));
    }
}
