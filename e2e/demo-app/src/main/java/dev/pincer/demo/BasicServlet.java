package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Endpoints with no sink: {@code /hello} (and {@code /}), {@code /echo?msg=} (echoes its input as
 * plain text), {@code /rows} (how many rows {@code users} has: tests read it to prove a DELETE did
 * not run), {@code /reset} (restores the tables), {@code /requests} ({@code requests=N}: how many
 * requests reached a servlet, this one excepted: tests read it to prove a request never got
 * here; and {@code outside_reads=N}: files opened outside the file base) and {@code /headers} (the request's header fields as the app sees them, {@code name: value} with
 * the name lower-case, one a line).
 */
final class BasicServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private final transient Fixtures fx;

    BasicServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (path) {
            case "/echo" -> {
                String msg = input(req, "msg");
                text(resp, "echo: " + (msg == null ? "" : msg));
            }
            case "/rows" -> {
                try (Connection c = fx.connection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                    rs.next();
                    text(resp, "rows=" + rs.getInt(1));
                } catch (SQLException e) {
                    text(resp, "sql error: " + brief(e));
                }
            }
            case "/requests" -> text(resp, "requests=" + AppRequests.count() + "\noutside_reads=" + AppRequests.outsideReads());
            case "/headers" -> {
                StringBuilder sb = new StringBuilder("headers:\n");
                for (String h : java.util.Collections.list(req.getHeaderNames())) {
                    for (String v : java.util.Collections.list(req.getHeaders(h))) {
                        sb.append(h.toLowerCase(java.util.Locale.ROOT)).append(": ").append(v).append('\n');
                    }
                }
                text(resp, sb.toString());
            }
            case "/reset" -> {
                try {
                    fx.resetDb();
                    text(resp, "reset");
                } catch (SQLException e) {
                    text(resp, "sql error: " + brief(e));
                }
            }
            default -> text(resp, "hello from the pincer demo");
        }
    }
}
