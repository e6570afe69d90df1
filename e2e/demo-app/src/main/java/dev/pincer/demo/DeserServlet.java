package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Base64;
import java.util.Set;

/**
 * Java deserialization of a base64 body (or a {@code data} parameter). {@code /vuln/deser} reads it
 * with a plain {@link ObjectInputStream}: any class named in the stream is resolved and, if
 * present, instantiated. {@code /safe/deser} uses {@link Allowlisted}, whose
 * {@code resolveClass} refuses every class off a short list before the base class ever sees it.
 * Answers {@code deserialized: <class>}, {@code rejected: <class>} or
 * {@code deserialization failed: ...}; never calls {@code toString()} on what it read.
 */
final class DeserServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String data = input(req, "data");
        if (data == null) {
            data = body(req);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data.strip());
        } catch (IllegalArgumentException e) {
            text(resp, "bad base64");
            return;
        }
        InputStream in = new ByteArrayInputStream(bytes);
        try (ObjectInputStream ois = path.startsWith("/safe/") ? new Allowlisted(in) : new ObjectInputStream(in)) {
            Object o = ois.readObject();
            text(resp, "deserialized: " + (o == null ? "null" : o.getClass().getName()));
        } catch (Rejected e) {
            text(resp, "rejected: " + e.classname);
        } catch (ClassNotFoundException | IOException | RuntimeException e) {
            text(resp, "deserialization failed: " + brief(e));
        }
    }

    /** Thrown by {@link Allowlisted} for a class off its list. */
    static final class Rejected extends InvalidClassException {
        private static final long serialVersionUID = 1L;

        Rejected(String name) {
            super(name, "not on the allowlist");
        }
    }

    /** An {@link ObjectInputStream} that resolves only plain data classes. */
    static final class Allowlisted extends ObjectInputStream {
        private static final Set<String> ALLOWED = Set.of("java.lang.String", "java.lang.Number",
                "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.util.ArrayList",
                "java.util.HashMap", "[Ljava.lang.String;");

        Allowlisted(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!ALLOWED.contains(desc.getName())) {
                throw new Rejected(desc.getName());
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new Rejected("proxy " + String.join(",", interfaces));
        }
    }
}
