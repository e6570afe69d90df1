package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.request.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link HttpData} for engine tests. */
final class Requests {
    private Requests() {
    }

    static HttpData get(String target, String... headers) {
        return new HttpData("GET", target, "HTTP/1.1", fields(headers), "192.0.2.10", 40000, "test-1", null, true);
    }

    static HttpData post(String target, String contentType, String body, String... headers) {
        List<HeaderField> h = new ArrayList<>(fields(headers));
        if (contentType != null) {
            h.add(new HeaderField("Content-Type", contentType));
        }
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        h.add(new HeaderField("Content-Length", Integer.toString(b.length)));
        return new HttpData("POST", target, "HTTP/1.1", h, "192.0.2.10", 40000, "test-1", b, true);
    }

    static List<HeaderField> fields(String... nameValue) {
        List<HeaderField> out = new ArrayList<>();
        out.add(new HeaderField("Host", "localhost"));
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            out.add(new HeaderField(nameValue[i], nameValue[i + 1]));
        }
        return out;
    }
}
