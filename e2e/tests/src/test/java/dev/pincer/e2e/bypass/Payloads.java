package dev.pincer.e2e.bypass;

import dev.pincer.e2e.bypass.Shot.Effect;
import dev.pincer.e2e.harness.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The attacks the bypass suites carry, one per sink, each with the effect that proves it ran:
 * a tautology that widens {@code DELETE ... WHERE name = '...'} to every row, a stacked
 * {@code DROP TABLE}, a shell separator that creates a marker file, a {@code ../} that reads the
 * secret outside the file base. Also the fillers that push an attack past a limit.
 */
final class Payloads {
    static final String TAUTOLOGY = "x' OR '1'='1";
    static final String STACKED = "1; DROP TABLE users";

    private Payloads() {
    }

    /** An attack: endpoint, parameter, value, effect. */
    record Attack(String what, String path, String param, String value, Effect effect, Path marker) {
        String pair() {
            return param + "=" + Http.encode(value);
        }
    }

    static Attack tautology() {
        return new Attack("sql tautology", "/vuln/sql/delete", "name", TAUTOLOGY, Effect.DB, null);
    }

    static Attack stacked() {
        return new Attack("sql stacked query", "/vuln/sql/id", "id", STACKED, Effect.DB, null);
    }

    static Attack shell(Path marker, String separator) {
        return new Attack("shell '" + separator.strip() + "'", "/vuln/exec", "host",
                "127.0.0.1" + separator + "touch " + marker, Effect.MARKER, marker);
    }

    static Attack traversal() {
        return new Attack("path ..", "/vuln/file", "name", "../secret.txt", Effect.SECRET, null);
    }

    /**
     * {@code n} distinct filler pairs joined by {@code &} ({@code z_0=1&z_1=1...}): short, so that a
     * thousand fit in a request line, non-empty, so that none is inert, and prefixed so that no
     * filler name is an attack's parameter name (base 36 alone reaches {@code id} at 661, and the
     * app would read the filler's value instead of the attack's).
     */
    static String fillerPairs(int n) {
        StringBuilder sb = new StringBuilder(n * 6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append("z_").append(Integer.toString(i, 36)).append("=1");
        }
        return sb.toString();
    }

    /** {@code n} filler pairs then the attack's pair: the attack is pair {@code n + 1}. */
    static String pairsThen(int n, Attack a) {
        return n == 0 ? a.pair() : fillerPairs(n) + "&" + a.pair();
    }

    /**
     * A form body of exactly {@code total} bytes ending with {@code tail} (an encoded pair): filler
     * pairs {@code fN=xxx...} of at most {@code maxValue} characters each come first.
     */
    static String formOfSize(int total, String tail, int maxValue) {
        StringBuilder sb = new StringBuilder(total);
        int i = 0;
        while (true) {
            int left = total - sb.length() - tail.length();
            String name = "f" + i++ + "=";
            // room for name, at least one x, and the '&' before the tail
            if (left < name.length() + 2) {
                break;
            }
            int x = Math.min(maxValue, left - name.length() - 1);
            sb.append(name).append("x".repeat(x)).append('&');
        }
        int left = total - sb.length() - tail.length();
        if (left < 0 || left > 0 && sb.length() == 0) {
            throw new IllegalArgumentException("cannot pad " + tail.length() + " bytes to " + total);
        }
        // absorb any remainder into the last filler value
        if (left > 0) {
            sb.insert(sb.length() - 1, "x".repeat(left));
        }
        sb.append(tail);
        if (sb.toString().getBytes(StandardCharsets.UTF_8).length != total) {
            throw new IllegalStateException("padded to " + sb.length() + ", not " + total);
        }
        return sb.toString();
    }

    /** A flat JSON object of {@code n} filler keys then the attack's key. */
    static String jsonKeysThen(int n, Attack a) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append("\"k").append(Integer.toString(i, 36)).append("\":\"1\",");
        }
        return sb.append('"').append(a.param()).append("\":").append(jsonString(a.value())).append('}').toString();
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A multipart/form-data body: {@code n} filler fields, then the attack's field. */
    static byte[] multipartThen(String boundary, int n, Attack a, byte[] fileBefore) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"m")
                    .append(Integer.toString(i, 36)).append("\"\r\n\r\n1\r\n");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (fileBefore != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"photo.bin\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(fileBefore);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + a.param() + "\"\r\n\r\n"
                + a.value() + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
