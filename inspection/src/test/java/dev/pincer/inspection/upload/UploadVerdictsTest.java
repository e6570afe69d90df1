package dev.pincer.inspection.upload;

import static dev.pincer.inspection.upload.Samples.ascii;
import static dev.pincer.inspection.upload.Samples.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.verdict.AttackClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default verdicts, one row per sample: file name, declared type, content, and the expected
 * message (null: passes). Each row is sent as a multipart file part, whole and byte by byte.
 */
class UploadVerdictsTest {
    private static final Participant DETECTOR = Requests.detector(List.of());
    private static final byte[] PHP = ascii("<?php system($_GET['c']); ?>\n");

    static Stream<Arguments> cases() {
        byte[] png = Samples.image("png");
        byte[] gif = Samples.image("gif");
        return Stream.of(
                row("photo.png", "image/png", png, null),
                row("photo.jpg", "image/jpeg", Samples.image("jpg"), null),
                row("anim.gif", "image/gif", gif, null),
                row("photo.jpg", "image/jpeg", png, null),
                row("report.pdf", "application/pdf", Samples.pdf(), null),
                row("notes.txt", "text/plain", ascii("shopping: milk, eggs <b>50%</b>\n"), null),
                row("notes", null, ascii("plain words\n"), null),
                row("empty.png", "image/png", new byte[0], null),
                row("archive.zip", "application/zip", Samples.zip("a.txt", "b/c.txt"), null),
                row("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Samples.zip("[Content_Types].xml", "word/document.xml"), null),
                row("photo.php", "image/png", png,
                        "the file name names a server-side script; declared image/png, detected image/png, file \"photo.php\""),
                row("photo.pHtml", "image/png", png, "the file name names a server-side script"),
                row("shell.jpg", "image/jpeg", PHP,
                        "the content is a server-side script; declared image/jpeg, detected text/x-php, file \"shell.jpg\""),
                row("report.pdf", "application/pdf", Samples.elf(),
                        "the content is an executable; declared application/pdf, detected application/x-executable"),
                row("app.zip", "application/zip", Samples.zip("WEB-INF/web.xml", "index.jsp"),
                        "the content is a Java archive; declared application/zip, detected application/java-archive"),
                row("app.zip", "application/zip", Samples.zip("index.html", "WEB-INF/classes/A.class"),
                        "the content is a Java archive"),
                row("anim.gif", "image/gif", concat(gif, PHP),
                        "a file claimed as image/gif holds a script opener <?php; declared image/gif, detected image/gif"),
                row("anim.gif", "image/gif", concat(gif, ascii("<%@ page import=\"java.io.*\" %>")),
                        "holds a script opener <%"),
                row("tool", "application/octet-stream", Samples.machO(), "the content is an executable"),
                row("setup.bin", "application/octet-stream", Samples.pe(), "the content is an executable"),
                row("run.txt", "text/plain", ascii("#!/bin/sh\nrm -rf /\n"), "the content is a shell script"),
                row("run.txt", "text/plain", ascii("#!/usr/bin/env python3\nimport os\n"), "the content is a shell script"),
                row("run.txt", "text/plain", ascii("#! perl -w\nprint 1;\n"), "the content is a #! script"),
                row("page.txt", "text/x-shellscript", ascii("echo hi\n"), "the declared type is a shell script"),
                row("page.txt", "application/x-php", ascii("hello\n"), "the declared type is a server-side script"),
                row("photo.png", "image/png", ascii("just some text\n"),
                        "a file claimed as image/png is something else; declared image/png, detected text/plain"),
                row("logo.png", null, Samples.pdf(), "a file claimed as image/png is something else"));
    }

    private static Arguments row(String filename, String contentType, byte[] content, String expected) {
        return Arguments.of(filename + " as " + contentType + (expected == null ? " passes" : " is blocked"),
                filename, contentType, content, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdict(String title, String filename, String contentType, byte[] content, String expected) {
        byte[] body = Samples.multipart(Requests.BOUNDARY, filename, contentType, content);
        Outcome whole = Requests.send(DETECTOR, "/upload", Requests.MULTIPART, body, true);
        check(whole, expected);
        int[] bytes = new int[body.length - 1];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = i + 1;
        }
        assertEquals(whole, Requests.send(DETECTOR, "/upload", Requests.MULTIPART, body, true, bytes),
                "byte-by-byte delivery gives the same verdict");
    }

    static void check(Outcome o, String expected) {
        if (expected == null) {
            assertFalse(o.blocks(), () -> "blocked: " + o.findings());
            return;
        }
        assertTrue(o.blocks(), "not blocked");
        assertEquals(403, o.status());
        Finding f = o.findings().get(0);
        assertEquals("upload", f.control());
        assertEquals(AttackClass.MALICIOUS_UPLOAD, f.attackClass());
        assertTrue(f.message().startsWith("upload blocked: "), f.message());
        assertTrue(f.message().contains(expected), () -> f.message() + "\n  should contain: " + expected);
    }
}
