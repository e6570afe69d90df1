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
     * A query or form parameter, else a top-level field of a JSON object body, else the parameter
     * {@code <name>64} base64-decoded (as an app that passes values base64-encoded reads them), else that field of
     * the JSON document in the parameter, field or multipart file part {@code doc} (as an app reads
     * a {@code ?filter={...}}, a JSON payload carried as a string, or a {@code Blob} part), else
     * the path after the endpoint ({@code /vuln/sql/delete/<value>}, as Tomcat gives it: path
     * parameters stripped, decoded), else null. On a lenient path
     * the body is read as JSON or as a form whatever its declared type.
     */
    static String input(HttpServletRequest req, String name) throws IOException {
        String v = direct(req, name);
        if (v != null || name.equals(DOC)) {
            return v;
        }
        String encoded = req.getParameter(name + "64");
        if (encoded != null) {
            try {
                byte[] b = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
                        ? java.util.Base64.getUrlDecoder().decode(encoded) : java.util.Base64.getDecoder().decode(encoded);
                return new String(b, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String doc = direct(req, DOC);
        if (doc == null) {
            doc = filePart(req, DOC);
        }
        if (doc == null || !doc.strip().startsWith("{")) {
            String info = req.getPathInfo(); // /vuln/sql/delete/<name>: Tomcat strips ;params and decodes
            return info != null && info.length() > 1 ? info.substring(1) : null;
        }
        try {
            return FlatJson.parseLenient(doc.strip()).get(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The content of the multipart file part {@code name} (a browser's {@code Blob}, sent as
     * {@code filename="blob"}, which Spring's {@code @RequestPart} binds like a field), or null.
     */
    private static String filePart(HttpServletRequest req, String name) {
        String ct = req.getContentType();
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        try {
            jakarta.servlet.http.Part part = req.getPart(name);
            if (part == null || part.getSubmittedFileName() == null) {
                return null;
            }
            try (java.io.InputStream in = part.getInputStream()) {
                return jacksonUtf8(in.readNBytes(MAX_BODY));
            }
        } catch (IOException | jakarta.servlet.ServletException | IllegalStateException e) {
            return null;
        }
    }

    /** The parameter or field that carries a JSON document of inputs ({@link #input}). */
    static final String DOC = "doc";

    private static String direct(HttpServletRequest req, String name) throws IOException {
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
     * The request body as text, at most {@link #MAX_BODY} bytes: UTF-8 as Jackson decodes it
     * ({@link #jacksonUtf8}), unless its bytes are UTF-16 or UTF-32 by the zero bytes in its first
     * four (RFC 4627 section 3), which Jackson and XML parsers detect on their own whatever the
     * request declared.
     */
    static String body(HttpServletRequest req) throws IOException {
        byte[] b = req.getInputStream().readNBytes(MAX_BODY);
        java.nio.charset.Charset cs = detected(b);
        return cs == StandardCharsets.UTF_8 ? jacksonUtf8(b) : new String(b, cs);
    }

    /**
     * UTF-8 decoded the way Jackson's byte parser decodes it: a lead byte and its continuation
     * bytes give the code point whether or not it needed that many bytes, so the overlong
     * {@code C0 A7} is an apostrophe. Anything else that is not UTF-8 becomes U+FFFD.
     */
    static String jacksonUtf8(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            int need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
            int cp = need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : need == 3 ? c & 0x07 : c;
            boolean ok = need >= 0 && i + need < b.length;
            for (int k = 1; ok && k <= need; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
                cp = cp << 6 | b[i + k] & 0x3F;
            }
            if (!ok || cp > 0x10FFFF) {
                out.append('\uFFFD');
                continue;
            }
            out.appendCodePoint(cp);
            i += need;
        }
        return out.toString();
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
