package dev.pincer.inspection.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file-part hook: told each file's declared type, name and content; what is kept does not change. */
class FilePartsTest {
    private static final String CT = "multipart/form-data; boundary=b";
    private static final String BODY = "--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nhi\r\n"
            + "--b\r\ncontent-type:  image/png \r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\n"
            + "PNG\r\n--bx\r\n--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"\"\r\n\r\nZ\r\n--b--\r\n";

    @Test
    void eachFilePartIsToldWithItsHeadersAndContent() {
        byte[] body = BODY.getBytes(StandardCharsets.ISO_8859_1);
        for (int chunk = 1; chunk <= body.length; chunk++) {
            Recorder r = new Recorder();
            BodyBuffer withHook = BodyBuffer.of(CT, 1024, r);
            BodyBuffer plain = BodyBuffer.of(CT, 1024);
            for (int i = 0; i < body.length; i += chunk) {
                withHook.append(body, i, Math.min(chunk, body.length - i));
                plain.append(body, i, Math.min(chunk, body.length - i));
            }
            assertEquals(List.of("start image/png a.png", "content PNG\r\n--bx\r\n", "end",
                    "start null ", "content Z\r\n", "end"), r.events(), "chunk " + chunk);
            assertArrayEquals(plain.kept(), withHook.kept());
        }
    }

    private static final class Recorder implements FileParts {
        private final List<String> events = new ArrayList<>();
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        @Override
        public void start(String contentType, String filename) {
            events.add("start " + contentType + " " + filename);
        }

        @Override
        public void content(byte b) {
            content.write(b);
        }

        @Override
        public void end() {
            events.add("content " + content.toString(StandardCharsets.ISO_8859_1));
            content.reset();
            events.add("end");
        }

        List<String> events() {
            return events;
        }
    }
}
