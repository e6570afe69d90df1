package dev.pincer.proxy.ftw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one stage's bytes on a fresh connection, as go-ftw does, and reads the answer: the first
 * final (non-1xx) response's status, its body by Content-Length, chunked framing or the close. No
 * answer within the read timeout, a reset, or bytes that are not an HTTP response make a failed
 * result (what go-ftw's {@code expect_error} means).
 */
final class StageClient {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final InetSocketAddress target;
    private final int timeoutMillis;

    StageClient(InetSocketAddress target, int timeoutMillis) {
        this.target = target;
        this.timeoutMillis = timeoutMillis;
    }

    StageResult send(byte[] request, boolean head) {
        try (Socket s = new Socket()) {
            s.connect(target, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the proxy may answer (400) and close before it read everything; read what it said
            }
            InputStream in = s.getInputStream();
            while (true) {
                String headText = readHead(in);
                if (headText == null) {
                    return StageResult.failed("the connection closed without a response");
                }
                int status = status(headText);
                if (status < 0) {
                    return StageResult.failed("not an HTTP response: " + headText.lines().findFirst().orElse(""));
                }
                if (status >= 100 && status < 200 && status != 101) {
                    continue;
                }
                if (!head && status != 204 && status != 304) {
                    readBody(in, headText);
                }
                return StageResult.answered(status);
            }
        } catch (SocketTimeoutException e) {
            return StageResult.failed("no response within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return StageResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The head up to its blank line, or null at a close before any byte. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed in the response head");
            }
            b.write(c);
            if (b.size() > MAX_HEAD) {
                throw new IOException("a response head over " + MAX_HEAD + " bytes");
            }
            state = switch (state) {
                case 0, 2 -> c == '\r' ? state + 1 : (c == '\n' && state == 2 ? 4 : 0);
                case 1, 3 -> c == '\n' ? state + 1 : 0;
                default -> state;
            };
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String head) {
        if (!head.startsWith("HTTP/") || head.length() < 12 || head.charAt(8) != ' ') {
            return -1;
        }
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void readBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\ntransfer-encoding:") && lower.contains("chunked")) {
            drainChunked(in);
            return;
        }
        int at = lower.indexOf("\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf('\r', at + 1);
            long length = Long.parseLong(lower.substring(at + 16, end < 0 ? lower.length() : end).trim());
            skip(in, Math.min(length, MAX_BODY));
            return;
        }
        skip(in, MAX_BODY); // framed by the close
    }

    private static void drainChunked(InputStream in) throws IOException {
        long total = 0;
        while (total < MAX_BODY) {
            String line = line(in);
            if (line == null) {
                return;
            }
            int semi = line.indexOf(';');
            long size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (line != null && !line.isEmpty()) {
                    line = line(in); // trailers, up to the blank line
                }
                return;
            }
            skip(in, size + 2);
            total += size;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString().strip();
            }
            b.append((char) c);
            if (b.length() > 1024) {
                throw new IOException("a chunk-size line over 1 KiB");
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static void skip(InputStream in, long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                return;
            }
            n -= r;
        }
    }
}
