package dev.pincer.e2e.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link Http} (the JDK client) refuses or
 * rewrites: hand-written framing ({@code Connection: Content-Length}, chunked bodies), header
 * names with {@code _}, a chosen {@code Host}, request-targets with dot segments. One request a
 * connection, {@code Connection: close} added unless the request names its own; the first
 * response is read (Content-Length, chunked, or until close), bounded in size and time.
 *
 * <p>Example: {@code RawHttp.exchange(proxy, RawHttp.request("GET", "/hello").build())} answers
 * the proxy's {@code 200 hello from the pincer demo}.
 */
public final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final int MAX_RESPONSE_BYTES = 4 << 20;

    private RawHttp() {
    }

    /** A request under construction: method, target, header lines in order, body. */
    public static final class Request {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean chunked;
        private boolean framing = true;
        private String host = "127.0.0.1";

        private Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Request host(String h) {
            this.host = h;
            return this;
        }

        public Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        /** Sends the body with {@code Transfer-Encoding: chunked}, in chunks of at most 8 KiB. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        /** Writes no Content-Length or Transfer-Encoding of its own: the headers given are all there is. */
        public Request rawFraming() {
            this.framing = false;
            return this;
        }

        public String target() {
            return target;
        }

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append("\r\n");
            boolean connection = false;
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
                connection |= h[0].equalsIgnoreCase("Connection");
            }
            if (!connection) {
                head.append("Connection: close\r\n");
            }
            if (framing && chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (framing && (body.length > 0 || method.equals("POST"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (framing && chunked) {
                for (int i = 0; i < body.length; i += 8192) {
                    int n = Math.min(8192, body.length - i);
                    out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, i, n);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            String t = target.length() > 120 ? target.substring(0, 120) + "...(" + target.length() + " chars)" : target;
            return method + " " + t + (body.length == 0 ? "" : " +" + body.length + " body bytes" + (chunked ? " chunked" : ""));
        }
    }

    /** A response: status (-1 when none came), headers (lower-case names), body as UTF-8. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            String b = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return status + " " + b.replace("\n", "\\n");
        }
    }

    public static Request request(String method, String target) {
        return new Request(method, target);
    }

    /** Sends {@code r} to {@code base} on a new connection and reads the first response. */
    public static Response exchange(URI base, Request r) {
        return exchange(base, r.bytes());
    }

    /** Sends exactly {@code bytes} and reads the first response. */
    public static Response exchange(URI base, byte[] bytes) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything (a 413): read what it said
            }
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        int headEnd = -1;
        try {
            while (buf.size() < MAX_RESPONSE_BYTES) {
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                buf.write(chunk, 0, n);
                byte[] all = buf.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (headEnd >= 0 && complete(all, headEnd)) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came so far is the answer
        }
        byte[] all = buf.toByteArray();
        if (headEnd < 0) {
            headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (headEnd < 0) {
            return new Response(-1, Map.of(), new String(all, StandardCharsets.ISO_8859_1));
        }
        String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.putIfAbsent(lines[i].substring(0, c).trim().toLowerCase(), lines[i].substring(c + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            int len = Integer.parseInt(headers.get("content-length"));
            body = java.util.Arrays.copyOf(body, Math.min(len, body.length));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean complete(byte[] all, int headEnd) {
        String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase();
        int have = all.length - headEnd - 4;
        int cl = head.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int end = head.indexOf("\r\n", cl + 2);
            String v = head.substring(cl + 17, end < 0 ? head.length() : end).trim();
            return have >= Integer.parseInt(v);
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return indexOf(java.util.Arrays.copyOfRange(all, headEnd, all.length),
                    "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) >= 0;
        }
        return head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int nl = indexOf(java.util.Arrays.copyOfRange(b, i, b.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (nl < 0) {
                break;
            }
            String size = new String(b, i, nl, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            i += nl + 2;
            if (n == 0 || i + n > b.length) {
                break;
            }
            out.write(b, i, n);
            i += n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
