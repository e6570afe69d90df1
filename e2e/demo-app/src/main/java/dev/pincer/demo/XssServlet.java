package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reflected HTML. {@code /vuln/xss?q=} answers {@code text/html} with {@code <p>Hello q</p>}, the
 * input written unescaped (reflected XSS); {@code /safe/xss?q=} writes it with {@code & < > " '}
 * escaped as character references, the way a template engine's default escaping does.
 */
final class XssServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = input(req, "q");
        if (q == null) {
            missing(resp, "q");
            return;
        }
        String shown = path.startsWith("/safe/") ? escape(q) : q;
        resp.setStatus(200);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n<p>Hello " + shown
                + "</p>\n</body></html>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
