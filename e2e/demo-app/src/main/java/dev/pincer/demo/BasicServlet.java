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
 * not run) and {@code /reset} (restores the tables).
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
