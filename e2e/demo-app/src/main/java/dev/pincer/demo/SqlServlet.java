package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQL endpoints. Vulnerable ones concatenate input into the statement text; safe ones bind it.
 * <ul>
 *   <li>{@code /vuln/sql?name=}: {@code ... WHERE name = '<name>'} (string context)</li>
 *   <li>{@code /vuln/sql/id?id=}: {@code ... WHERE id = <id>} (numeric context)</li>
 *   <li>{@code /vuln/sql/delete?name=}: {@code DELETE FROM users WHERE name = '<name>'}</li>
 *   <li>{@code /vuln/sql/legacy?name=}: URL-decodes the name once more first (a double-decoding bug)</li>
 *   <li>{@code /vuln/sql/escaped?name=}: concatenates, but doubles single quotes: a correctly
 *       escaped literal, so not injectable (benign traffic goes here)</li>
 * </ul>
 * Select answers are {@code rows=N} then {@code id:name} lines; delete answers {@code deleted=N}.
 */
final class SqlServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final String SELECT = "SELECT id, name FROM users WHERE ";
    private final transient Fixtures fx;

    SqlServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String param = path.endsWith("/id") ? "id" : "name";
        String v = input(req, param);
        if (v == null) {
            missing(resp, param);
            return;
        }
        try (Connection c = fx.connection()) {
            text(resp, run(path, v, c));
        } catch (SQLException e) {
            text(resp, "sql error: " + brief(e));
        } catch (IllegalArgumentException e) {
            text(resp, "rejected: " + brief(e));
        }
    }

    private static String run(String path, String v, Connection c) throws SQLException {
        switch (path) {
            case "/vuln/sql":
                return select(c, SELECT + "name = '" + v + "'");
            case "/vuln/sql/legacy":
                return select(c, SELECT + "name = '" + URLDecoder.decode(v, StandardCharsets.UTF_8) + "'");
            case "/vuln/sql/escaped":
                return select(c, SELECT + "name = '" + v.replace("'", "''") + "'");
            case "/vuln/sql/id":
                return select(c, SELECT + "id = " + v);
            case "/vuln/sql/delete":
                try (Statement s = c.createStatement()) {
                    return "deleted=" + s.executeUpdate("DELETE FROM users WHERE name = '" + v + "'");
                }
            case "/safe/sql":
                return bound(c, SELECT + "name = ?", v);
            case "/safe/sql/legacy":
                return bound(c, SELECT + "name = ?", URLDecoder.decode(v, StandardCharsets.UTF_8));
            case "/safe/sql/id":
                long id;
                try {
                    id = Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    return "rejected: not a number";
                }
                try (PreparedStatement ps = c.prepareStatement(SELECT + "id = ?")) {
                    ps.setLong(1, id);
                    return rows(ps.executeQuery());
                }
            case "/safe/sql/delete":
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                    ps.setString(1, v);
                    return "deleted=" + ps.executeUpdate();
                }
            default:
                throw new IllegalStateException(path);
        }
    }

    private static String select(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return rows(s.executeQuery(sql));
        }
    }

    private static String bound(Connection c, String sql, String v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, v);
            return rows(ps.executeQuery());
        }
    }

    static String rows(ResultSet rs) throws SQLException {
        StringBuilder lines = new StringBuilder();
        int n = 0;
        try (rs) {
            while (rs.next() && n < 100) {
                lines.append(rs.getString(1)).append(':').append(rs.getString(2)).append('\n');
                n++;
            }
        }
        return "rows=" + n + "\n" + lines;
    }
}
