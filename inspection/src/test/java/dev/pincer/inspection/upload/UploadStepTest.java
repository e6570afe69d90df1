package dev.pincer.inspection.upload;

import static dev.pincer.inspection.upload.Samples.ascii;
import static dev.pincer.inspection.upload.Samples.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.config.UploadConfig;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests open a step, raw bodies, chunking, the limits, allow lists and the message. */
class UploadStepTest {
    private static final Participant DETECTOR = Requests.detector(List.of());
    private static final byte[] PHP = ascii("<?php echo 1; ?>");

    @Test
    void onlyRequestsWithAnUploadBodyOpenAStep() {
        assertTrue(Requests.open(DETECTOR, "GET", "/", null, -1).idle(), "no body");
        assertTrue(Requests.open(DETECTOR, "POST", "/", "image/png", 0).idle(), "Content-Length: 0");
        assertTrue(Requests.open(DETECTOR, "POST", "/", "application/json", 10).idle(), "JSON");
        assertTrue(Requests.open(DETECTOR, "POST", "/", "application/x-www-form-urlencoded", 10).idle(), "form");
        assertTrue(Requests.open(DETECTOR, "POST", "/", "application/soap+xml", 10).idle(), "XML");
        Transaction multipart = Requests.open(DETECTOR, "POST", "/", Requests.MULTIPART, 10);
        assertFalse(multipart.idle());
        assertTrue(multipart.needsRequestBody());
        assertTrue(Requests.open(DETECTOR, "PUT", "/f", "application/octet-stream", 10).needsRequestBody());
        assertTrue(Requests.open(DETECTOR, "PUT", "/f", null, 10).needsRequestBody(), "no type: raw");
    }

    @Test
    void uploadsOffOpenNothing() {
        assertNull(Uploads.compile(ProtectionConfig.DEFAULT.withUploads(new UploadConfig(false, List.of())), RouteProtection.DEFAULT));
        assertNull(Uploads.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT.withUploads(new UploadConfig(false, null))));
        assertEquals("upload", Uploads.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT).control());
    }

    @Test
    void aRawBodyIsOneFileNamedByTheLastPathSegment() {
        byte[] png = Samples.image("png");
        assertFalse(Requests.send(DETECTOR, "/files/photo.png", "image/png", png, true).blocks());
        Outcome named = Requests.send(DETECTOR, "/files/shell.php?x=1", "image/png", png, true);
        assertTrue(named.findings().get(0).message().contains("file \"shell.php\""), named.findings().toString());
        assertTrue(Requests.send(DETECTOR, "/bin", null, Samples.elf(), true).blocks(), "no Content-Type");
        assertFalse(Requests.send(DETECTOR, "/docs/", "application/pdf", Samples.pdf(), true).blocks());
    }

    @Test
    void everySplitIntoTwoChunksGivesTheSameVerdict() {
        byte[] polyglot = Samples.multipart(Requests.BOUNDARY, "a.gif", "image/gif", concat(Samples.image("gif"), PHP));
        byte[] genuine = Samples.multipart(Requests.BOUNDARY, "a.png", "image/png", Samples.image("png"));
        Outcome blocked = Requests.send(DETECTOR, "/u", Requests.MULTIPART, polyglot, true);
        assertTrue(blocked.blocks());
        for (int cut = 1; cut < polyglot.length; cut++) {
            assertEquals(blocked, Requests.send(DETECTOR, "/u", Requests.MULTIPART, polyglot, true, cut), "cut " + cut);
        }
        for (int cut = 1; cut < genuine.length; cut++) {
            assertFalse(Requests.send(DETECTOR, "/u", Requests.MULTIPART, genuine, true, cut).blocks(), "cut " + cut);
        }
        byte[] raw = Samples.elf();
        for (int cut = 1; cut < raw.length; cut++) {
            assertTrue(Requests.send(DETECTOR, "/r", "application/pdf", raw, true, cut).blocks(), "raw cut " + cut);
        }
    }

    @Test
    void aFileCutByTheBodyPrefixIsJudgedOnWhatWasSeen() {
        byte[] body = Samples.multipart(Requests.BOUNDARY, "r.pdf", "application/pdf", Samples.elf());
        int headerEnd = indexOf(body, ascii("\r\n\r\n\u007fELF")) + 4;
        Outcome o = Requests.send(DETECTOR, "/u", Requests.MULTIPART, Arrays.copyOf(body, headerEnd + 20), false);
        assertTrue(o.blocks());
        assertTrue(o.findings().get(0).message().endsWith("(judged on the first 20 bytes)"), o.findings().toString());
        byte[] pdf = Samples.multipart(Requests.BOUNDARY, "r.pdf", "application/pdf", Samples.pdf());
        assertFalse(Requests.send(DETECTOR, "/u", Requests.MULTIPART, Arrays.copyOf(pdf, pdf.length - 30), false)
                .blocks(), "a PDF cut short is still a PDF");
    }

    /**
     * A multipart body cut by the prefix may hold files after the cut: with nothing blocked in what
     * was seen, the request is marked suspect and counted, never passed as judged. A whole body is not.
     */
    @Test
    void aMultipartBodyCutBeforeItsEndIsSuspectNotPassed() {
        byte[] png = Samples.multipart(Requests.BOUNDARY, "a.png", "image/png", Samples.image("png"));
        long before = Uploads.unjudgedBodies();
        Outcome whole = Requests.send(DETECTOR, "/u", Requests.MULTIPART, png, true);
        assertEquals(Outcome.Kind.CONTINUE, whole.kind());
        Outcome cut = Requests.send(DETECTOR, "/u", Requests.MULTIPART, Arrays.copyOf(png, png.length - 10), false);
        assertEquals(Outcome.Kind.SUSPECT, cut.kind(), cut.toString());
        assertTrue(cut.findings().get(0).message().startsWith("upload not fully judged"), cut.toString());
        assertEquals(1, Uploads.unjudgedBodies() - before);
    }

    /** The window is 8192 bytes: {@code <?php} ending at the 8192nd byte is seen, one a byte later is not. */
    @Test
    void theScriptWindowIsTheFirst8KiBOfEachFile() {
        byte[] gif = Samples.image("gif");
        int window = UploadDetector.WINDOW;
        byte[] inside = concat(gif, new byte[window - gif.length - 5], PHP);
        byte[] past = concat(gif, new byte[window - gif.length - 5 + 1], PHP);
        assertEquals(window, indexOf(inside, ascii("<?php")) + 5);
        assertTrue(Requests.upload(DETECTOR, "a.gif", "image/gif", inside).blocks());
        assertFalse(Requests.upload(DETECTOR, "a.gif", "image/gif", past).blocks(), "documented: past the window");
    }

    /** Non-file bytes over the detector's 1 MiB hide later parts: counted, and the limit itself is exact. */
    @Test
    void theFieldLimitIsCountedWhenPassed() {
        for (int extra : new int[] {0, 1}) {
            long before = Uploads.fieldLimitOverflows();
            byte[] shell = Samples.multipart(Requests.BOUNDARY, "x.jpg", "image/jpeg", PHP);
            byte[] filler = new byte[UploadDetector.FIELD_LIMIT - indexOf(shell, ascii("<?php")) + extra];
            Arrays.fill(filler, (byte) 'a');
            byte[] body = concat(ascii("--" + Requests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"),
                    filler, ascii("\r\n"), shell);
            Outcome o = Requests.send(DETECTOR, "/u", Requests.MULTIPART, body, true);
            long counted = Uploads.fieldLimitOverflows() - before;
            assertTrue(o.blocks() != (counted == 1), "extra " + extra + ": blocked " + o.blocks() + ", counted " + counted);
        }
    }

    /** At most 32 non-empty files per request are judged; the 33rd blocks the request (limit + 1). */
    @Test
    void aRequestWithMoreFilesThanTheLimitIsBlocked() {
        for (int files : new int[] {UploadDetector.MAX_FILES, UploadDetector.MAX_FILES + 1}) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < files; i++) {
                b.append("--").append(Requests.BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"f")
                        .append(i).append("\"; filename=\"n").append(i).append(".txt\"\r\n\r\nnote ").append(i).append("\r\n");
            }
            b.append("--").append(Requests.BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"e\"; filename=\"e\"\r\n\r\n\r\n");
            b.append("--").append(Requests.BOUNDARY).append("--\r\n");
            Outcome o = Requests.send(DETECTOR, "/u", Requests.MULTIPART, ascii(b.toString()), true);
            assertEquals(files > UploadDetector.MAX_FILES, o.blocks(), files + " files");
            if (o.blocks()) {
                assertEquals(AttackClass.ANALYSIS_LIMIT, o.findings().get(0).attackClass());
                assertEquals("upload blocked: more than 32 files in one request (limit: 32)", o.findings().get(0).message());
            }
        }
    }

    @Test
    void theAllowListAcceptsOnlyItsTypesAndLiftsADefaultBlockOnlyByName() {
        Participant images = Requests.detector(List.of("image/*"));
        assertFalse(Requests.upload(images, "a.png", "image/png", Samples.image("png")).blocks());
        Outcome pdf = Requests.upload(images, "r.pdf", "application/pdf", Samples.pdf());
        assertTrue(pdf.findings().get(0).message().contains("not in this route's allow list"), pdf.toString());
        assertTrue(Requests.upload(images, "a.gif", "image/gif", concat(Samples.image("gif"), PHP)).blocks());
        Participant shells = Requests.detector(List.of("application/x-sh"));
        assertFalse(Requests.upload(shells, "run.sh", "application/x-sh", ascii("#!/bin/sh\necho\n")).blocks());
        Participant wide = Requests.detector(List.of("application/*"));
        assertTrue(Requests.upload(wide, "a.bin", "application/octet-stream", Samples.elf()).blocks(),
                "a wildcard never lifts a default block");
        Participant zips = Requests.detector(List.of("application/zip"));
        assertTrue(Requests.upload(zips, "a.zip", "application/zip", Samples.zip("WEB-INF/web.xml")).blocks(),
                "allowing ZIP does not allow a WAR");
    }

    /** Regression: a part with only {@code filename*} is a file to apps that honour it, so it is judged too. */
    @Test
    void aPartNamedOnlyByFilenameStarIsJudged() {
        byte[] body = concat(ascii("--" + Requests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; "
                + "filename*=UTF-8''shell%2Ephp\r\nContent-Type: image/png\r\n\r\n"), Samples.image("png"),
                ascii("\r\n--" + Requests.BOUNDARY + "--\r\n"));
        Outcome o = Requests.send(DETECTOR, "/u", Requests.MULTIPART, body, true);
        assertTrue(o.blocks());
        assertTrue(o.findings().get(0).message().contains("file \"shell.php\""), o.findings().toString());
    }

    @Test
    void theMessageIsBoundedAndPrintable() {
        String name = "a\u0007\u00e9\tx".repeat(60) + ".php";
        Outcome o = Requests.upload(DETECTOR, name, "image/png\u0001", Samples.image("png"));
        String m = o.findings().get(0).message();
        assertTrue(m.chars().allMatch(c -> c >= 0x20 && c < 0x7f), m);
        assertTrue(m.length() < 400, m);
        assertTrue(m.contains("...\""), m);
    }

    private static int indexOf(byte[] b, byte[] lit) {
        outer:
        for (int i = 0; i + lit.length <= b.length; i++) {
            for (int k = 0; k < lit.length; k++) {
                if (b[i + k] != lit[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
