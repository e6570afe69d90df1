package dev.pincer.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Base of the demo servlets: one {@link #handle} per servlet for GET and POST, dispatching on the
 * servlet path; plain-text answers; inputs from the query string, a form body or a flat JSON body.
 */
abstract class DemoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String JSON = "pincer.demo.json";
    private static final String LENIENT_ATTR = "pincer.demo.lenient";
    /** Path prefix of the lenient twins: inputs are read from the body whatever its declared type. */
    static final String LENIENT = "/lenient";
    /** Bodies the demo reads whole; anything longer is cut (the demo is not an upload service). */
    static final int MAX_BODY = 1 << 20;

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        dispatch(req, resp);
    }

    @Override
    protected final void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        dispatch(req, resp);
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String path = req.getServletPath();
        AppRequests.seen(path);
        if (path.startsWith(LENIENT + "/")) {
            req.setAttribute(LENIENT_ATTR, Boolean.TRUE);
            path = path.substring(LENIENT.length());
        }
        handle(path, req, resp);
    }

    abstract void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /**
     * A query or form parameter, else a top-level field of a JSON object body, else null. On a
     * lenient path the body is read as JSON or as a form whatever its declared type.
     */
    static String input(HttpServletRequest req, String name) throws IOException {
        String v = req.getParameter(name);
        boolean lenient = req.getAttribute(LENIENT_ATTR) != null;
        if (v != null || !(lenient || isJson(req))) {
            return v;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) req.getAttribute(JSON);
        if (fields == null) {
            String body = body(req);
            try {
                fields = lenient ? LenientBody.parse(body) : FlatJson.parse(body);
            } catch (IllegalArgumentException e) {
                fields = Map.of();
            }
            req.setAttribute(JSON, fields);
        }
        return fields.get(name);
    }

    static boolean isJson(HttpServletRequest req) {
        String ct = req.getContentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * The request body as text, at most {@link #MAX_BODY} bytes: UTF-8, unless its bytes are
     * UTF-16 or UTF-32 by the zero bytes in its first four (RFC 4627 section 3), which Jackson and
     * XML parsers detect on their own whatever the request declared.
     */
    static String body(HttpServletRequest req) throws IOException {
        byte[] b = req.getInputStream().readNBytes(MAX_BODY);
        return new String(b, detected(b));
    }

    private static java.nio.charset.Charset detected(byte[] b) {
        if (b.length >= 4) {
            boolean z0 = b[0] == 0;
            boolean z1 = b[1] == 0;
            boolean z2 = b[2] == 0;
            boolean z3 = b[3] == 0;
            if (z0 && z1 && z2 && !z3) {
                return java.nio.charset.Charset.forName("UTF-32BE");
            }
            if (!z0 && z1 && z2 && z3) {
                return java.nio.charset.Charset.forName("UTF-32LE");
            }
            if (z0 && !z1 && z2 && !z3) {
                return StandardCharsets.UTF_16BE;
            }
            if (!z0 && z1 && !z2 && z3) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    static void text(HttpServletResponse resp, String body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(body.endsWith("\n") ? body : body + "\n");
    }

    static void missing(HttpServletResponse resp, String name) throws IOException {
        text(resp, "missing parameter " + name);
    }

    /** The first line of an exception's message, for short error answers. */
    static String brief(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
