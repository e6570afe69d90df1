package dev.pincer.inspection.upload;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.config.UploadConfig;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Drives an upload detector through a transaction the way the proxy does: head, body chunks, end. */
final class Requests {
    static final String BOUNDARY = "----pincerBoundary7MA4YWxk";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private Requests() {
    }

    static Participant detector(List<String> allow) {
        return Uploads.compile(ProtectionConfig.DEFAULT.withUploads(new UploadConfig(true, allow)), RouteProtection.DEFAULT);
    }

    static Transaction open(Participant p, String method, String target, String contentType, long length) {
        List<HeaderField> h = new ArrayList<>();
        h.add(new HeaderField("Host", "app.example"));
        if (contentType != null) {
            h.add(new HeaderField("Content-Type", contentType));
        }
        if (length >= 0) {
            h.add(new HeaderField("Content-Length", Long.toString(length)));
        }
        return Transaction.open("r1", InetAddress.getLoopbackAddress(), InetAddress.getLoopbackAddress(), "-",
                new RequestHead(method, target, h), List.of(p));
    }

    /** The outcome of sending {@code body} in chunks cut at {@code cuts} (ascending offsets). */
    static Outcome send(Participant p, String target, String contentType, byte[] body, boolean complete, int... cuts) {
        Transaction tx = open(p, "POST", target, contentType, body.length);
        Outcome o = tx.requestHead();
        int from = 0;
        for (int i = 0; i <= cuts.length && !o.blocks(); i++) {
            int to = i < cuts.length ? cuts[i] : body.length;
            o = tx.requestBody(body, from, to - from);
            from = to;
        }
        return o.blocks() ? o : tx.requestEnd(complete);
    }

    static Outcome upload(Participant p, String filename, String contentType, byte[] content) {
        return send(p, "/upload", MULTIPART, Samples.multipart(BOUNDARY, filename, contentType, content), true);
    }
}
