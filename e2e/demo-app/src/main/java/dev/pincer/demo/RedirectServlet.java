package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Redirects. {@code /vuln/redirect?next=} calls {@code sendRedirect(next)} with anything (an open
 * redirect). {@code /safe/redirect?next=} follows only a local path: it starts with one {@code /},
 * not {@code //} or {@code /\}, and has no control characters; anything else goes to {@code /}.
 */
final class RedirectServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = input(req, "next");
        if (next == null) {
            missing(resp, "next");
            return;
        }
        if (path.startsWith("/safe/") && !local(next)) {
            next = "/";
        }
        try {
            resp.sendRedirect(next);
        } catch (IllegalArgumentException e) {
            text(resp, "bad redirect: " + brief(e));
        }
    }

    static boolean local(String next) {
        if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
