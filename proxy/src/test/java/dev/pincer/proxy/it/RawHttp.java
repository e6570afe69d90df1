package dev.pincer.proxy.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small HTTP/1.1 response reader for raw sockets: reads exactly one response (status line,
 * fields, body framed by Content-Length, chunked coding with trailers, or the connection closing),
 * so a test can see the bytes the proxy actually sent, and whether it kept the connection open.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** One response as read off the wire. Header names are kept as sent. */
    record Response(String statusLine, int status, List<String[]> headers, byte[] body, List<String[]> trailers,
                    boolean chunked) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        List<String> headerNames() {
            return headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).toList();
        }

        String trailer(String name) {
            for (String[] h : trailers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static Response read(InputStream in) throws IOException {
        return read(in, false);
    }

    /** Reads one response; {@code headRequest}: it answers HEAD, so it has no body whatever its fields say. */
    static Response read(InputStream in, boolean headRequest) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<String[]> headers = fields(in);
        Response head = new Response(statusLine, status, headers, new byte[0], List.of(), false);
        if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
            return head;
        }
        String te = head.header("transfer-encoding");
        if (te != null && te.equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt(semi < 0 ? sizeLine : sizeLine.substring(0, semi), 16);
                if (size == 0) {
                    break;
                }
                body.write(exactly(in, size));
                if (!line(in).isEmpty()) {
                    throw new IOException("chunk-data not followed by CRLF");
                }
            }
            List<String[]> trailers = fields(in);
            return new Response(statusLine, status, headers, body.toByteArray(), trailers, true);
        }
        String cl = head.header("content-length");
        if (cl != null) {
            return new Response(statusLine, status, headers, exactly(in, Integer.parseInt(cl.trim())), List.of(), false);
        }
        return new Response(statusLine, status, headers, in.readAllBytes(), List.of(), false);
    }

    /** A CRLF-terminated line without its CRLF; a bare LF is an error. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed mid-line after: " + b.toString(StandardCharsets.ISO_8859_1));
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("bare LF in response");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
    }

    private static List<String[]> fields(InputStream in) throws IOException {
        List<String[]> out = new ArrayList<>();
        String l;
        while (!(l = line(in)).isEmpty()) {
            int colon = l.indexOf(':');
            out.add(new String[] {l.substring(0, colon), l.substring(colon + 1).trim()});
        }
        return out;
    }

    static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("expected " + n + " bytes, got " + b.length);
        }
        return b;
    }

    /**
     * Whether the peer closed the connection (EOF or reset) within {@code millis}, with no further
     * bytes before that; false if it stayed open, throws if it sent more.
     */
    static boolean closedByPeer(Socket s, int millis) throws IOException {
        int old = s.getSoTimeout();
        s.setSoTimeout(millis);
        try {
            int b = s.getInputStream().read();
            if (b >= 0) {
                throw new AssertionError("expected the connection to close, got more bytes: " + (char) b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        } finally {
            if (!s.isClosed()) {
                s.setSoTimeout(old);
            }
        }
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        s.setTcpNoDelay(true);
        return s;
    }

    static void send(Socket s, String raw) throws IOException {
        s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }
}
