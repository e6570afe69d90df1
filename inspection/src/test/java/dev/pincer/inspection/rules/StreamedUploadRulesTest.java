package dev.pincer.inspection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.RouteConfig;
import dev.pincer.config.RuleExclusions;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multipart upload larger than the body prefix is judged whole by the rules: the step asks the
 * proxy to hold it up to SecRequestBodyLimit, phase 2 sees every non-file part and each file's
 * name and size, and one byte past either bound (SecRequestBodyLimit, the non-file limit) makes
 * the request incomplete. Any other body still gets only the prefix.
 */
class StreamedUploadRulesTest {
    private static final int PREFIX = 128 * 1024;
    private static final String RULES = """
            SecRequestBodyAccess On
            SecRequestBodyLimit 3145728
            SecRule REQUEST_HEADERS:Content-Type "^multipart/form-data" "id:1,phase:1,pass,nolog,ctl:requestBodyProcessor=MULTIPART"
            SecRule FILES "@rx \\.php$" "id:2,phase:2,deny,status:403,tag:'attack-rce'"
            SecRule ARGS_POST "@contains <script>" "id:3,phase:2,deny,status:403,tag:'attack-xss'"
            SecRule FILES_SIZES:f "@eq 2097152" "id:4,phase:2,pass,log,setvar:tx.size_seen=1"
            SecRule REQBODY_ERROR "!@eq 0" "id:5,phase:2,deny,status:400"
            """;

    private static Transaction open(String contentType, String rules) throws Exception {
        SecLangEngine engine = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(rules, "t.conf")));
        SignatureInspection p = new SignatureInspection(engine, RouteConfig.Incomplete.REJECT, RuleExclusions.NONE,
                RuleMetrics.unregistered(), PREFIX);
        InetAddress client = InetAddress.getByName("192.0.2.7");
        RequestHead head = new RequestHead("POST", "/upload", List.of(new HeaderField("Host", "app"),
                new HeaderField("Content-Type", contentType), new HeaderField("Transfer-Encoding", "chunked")));
        Transaction tx = Transaction.open("r1", client, client, "-", head, List.of(p));
        assertEquals(Outcome.Kind.CONTINUE, tx.requestHead().kind());
        return tx;
    }

    static byte[] upload(String note, String filename, int fileSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] file = new byte[fileSize];
        java.util.Arrays.fill(file, (byte) 0x5a);
        out.writeBytes(file);
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Feeds the body as the proxy does, in 16 KiB chunks up to what the transaction asked held, then ends it. */
    private static Outcome feed(Transaction tx, byte[] body) {
        long hold = tx.requestBodyHold();
        long limit = hold > 0 ? hold : PREFIX;
        int fed = 0;
        while (fed < body.length && fed < limit) {
            int n = (int) Math.min(Math.min(16384, body.length - fed), limit - fed);
            Outcome o = tx.requestBody(body, fed, n);
            if (o.blocks()) {
                return o;
            }
            fed += n;
        }
        return tx.requestEnd(fed == body.length);
    }

    private static Transaction multipart() throws Exception {
        return open("multipart/form-data; boundary=b", RULES);
    }

    @Test
    void aMultipartBodyIsHeldUpToSecRequestBodyLimitAndAnyOtherToThePrefix() throws Exception {
        assertEquals(3145728, multipart().requestBodyHold());
        assertEquals(0, open("application/json", RULES).requestBodyHold());
        assertEquals(0, open("multipart/form-data; boundary=b", RULES.replace("SecRequestBodyAccess On",
                "SecRequestBodyAccess Off")).requestBodyHold(), "no body access: nothing to hold for");
    }

    @Test
    void aTwoMebibyteUploadPassesWithItsFileSeen() throws Exception {
        Transaction tx = multipart();
        Outcome o = feed(tx, upload("holiday", "photo.jpg", 2 << 20));
        assertEquals(Outcome.Kind.CONTINUE, o.kind(), o.toString());
    }

    @Test
    void anAttackInTheNonFilePartOfALargeUploadIsBlocked() throws Exception {
        Outcome o = feed(multipart(), upload("<script>alert(1)</script>", "photo.jpg", 2 << 20));
        assertEquals(403, o.status(), o.toString());
        assertEquals("3", o.findings().get(0).ruleId());
    }

    @Test
    void aPhpFileNameFarPastThePrefixReachesFiles() throws Exception {
        byte[] first = upload("a", "photo.jpg", 1 << 20);
        byte[] second = ("--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"x.php\"\r\n\r\n<?php\r\n--b--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[first.length - "--b--\r\n".length() + second.length];
        System.arraycopy(first, 0, body, 0, first.length - "--b--\r\n".length());
        System.arraycopy(second, 0, body, first.length - "--b--\r\n".length(), second.length);
        Outcome o = feed(multipart(), body);
        assertEquals(403, o.status(), o.toString());
        assertEquals("2", o.findings().get(0).ruleId());
    }

    /** SecRequestBodyLimit is exact for a streamed upload: at it the body is judged, one byte more is 413. */
    @Test
    void secRequestBodyLimitAndOneByteMore() throws Exception {
        byte[] atLimit = upload("a", "photo.jpg", 0);
        atLimit = upload("a", "photo.jpg", 3145728 - atLimit.length);
        assertEquals(3145728, atLimit.length);
        assertEquals(Outcome.Kind.CONTINUE, feed(multipart(), atLimit).kind());
        Outcome over = feed(multipart(), upload("a", "photo.jpg", 3145728 - upload("a", "photo.jpg", 0).length + 1));
        assertEquals(413, over.status(), over.toString());
    }

    /** A declared Content-Length past SecRequestBodyLimit is 413 at the head (Reject): nothing of it is read. */
    @Test
    void aDeclaredLengthPastTheLimitIs413AtTheHead() throws Exception {
        SecLangEngine engine = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(RULES, "t.conf")));
        InetAddress client = InetAddress.getByName("192.0.2.7");
        for (long length : new long[] {3145728, 3145729}) {
            SignatureInspection p = new SignatureInspection(engine, RouteConfig.Incomplete.REJECT, RuleExclusions.NONE,
                    RuleMetrics.unregistered(), PREFIX);
            RequestHead head = new RequestHead("POST", "/upload", List.of(new HeaderField("Host", "app"),
                    new HeaderField("Content-Type", "multipart/form-data; boundary=b"),
                    new HeaderField("Content-Length", Long.toString(length))));
            Outcome o = Transaction.open("r1", client, client, "-", head, List.of(p)).requestHead();
            if (length == 3145728) {
                assertEquals(Outcome.Kind.CONTINUE, o.kind(), o.toString());
            } else {
                assertEquals(413, o.status(), o.toString());
            }
        }
    }

    /** The non-file limit (the body prefix) is exact too: a field that makes the non-file bytes one more is 413. */
    @Test
    void theNonFileLimitAndOneByteMore() throws Exception {
        int frame = upload("", "photo.jpg", 0).length;
        assertEquals(Outcome.Kind.CONTINUE, feed(multipart(), upload("n".repeat(PREFIX - frame), "photo.jpg", 1 << 20)).kind());
        Outcome over = feed(multipart(), upload("n".repeat(PREFIX - frame + 1), "photo.jpg", 1 << 20));
        assertEquals(413, over.status(), over.toString());
        assertTrue(over.findings().get(0).message().contains("non-file"), over.findings().get(0).message());
    }

    @Test
    void aJsonBodyPastThePrefixIsIncompleteAsBefore() throws Exception {
        Transaction tx = open("application/json", RULES);
        byte[] json = ("{\"a\":\"" + "x".repeat(PREFIX) + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(413, feed(tx, json).status());
    }
}
