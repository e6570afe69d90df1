package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * SQL shapes beyond a literal in a WHERE clause:
 * <ul>
 *   <li>{@code /vuln/sql/call?name=}: {@code Connection.prepareCall} of
 *       <code>&#123;call greet('&lt;name&gt;')&#125;</code>, the H2 function {@link DemoFunctions#greet};
 *       answers {@code hello <name>}. {@code /safe/sql/call} binds the name:
 *       <code>&#123;call greet(?)&#125;</code>.</li>
 *   <li>{@code /vuln/sql/sorted?sort=}: {@code SELECT id, name FROM users ORDER BY <sort>}, a
 *       user-chosen sort column pasted in (a column name is benign there; a subquery is not).
 *       {@code /safe/sql/sorted} accepts only {@code id} or {@code name}, optionally with
 *       {@code ASC}/{@code DESC}, and answers {@code rejected: ...} otherwise.</li>
 * </ul>
 * Select answers are {@code rows=N} then {@code id:name} lines, as {@link SqlServlet}'s.
 */
final class SqlShapesServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SORT_COLUMNS = Set.of("id", "name");
    private static final Set<String> SORT_DIRECTIONS = Set.of("", "asc", "desc");
    private final transient Fixtures fx;

    SqlShapesServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String param = path.endsWith("/sorted") ? "sort" : "name";
        String v = input(req, param);
        if (v == null) {
            missing(resp, param);
            return;
        }
        try (Connection c = fx.connection()) {
            text(resp, run(path, v, c));
        } catch (SQLException e) {
            text(resp, "sql error: " + brief(e));
        }
    }

    private static String run(String path, String v, Connection c) throws SQLException {
        switch (path) {
            case "/vuln/sql/call":
                try (CallableStatement cs = c.prepareCall("{call greet('" + v + "')}")) {
                    return first(cs);
                }
            case "/safe/sql/call":
                try (CallableStatement cs = c.prepareCall("{call greet(?)}")) {
                    cs.setString(1, v);
                    return first(cs);
                }
            case "/vuln/sql/sorted":
                return sorted(c, v);
            case "/safe/sql/sorted":
                String[] parts = v.strip().toLowerCase(Locale.ROOT).split("\\s+", -1);
                if (parts.length > 2 || !SORT_COLUMNS.contains(parts[0])
                        || !SORT_DIRECTIONS.contains(parts.length == 2 ? parts[1] : "")) {
                    return "rejected: sort by id or name, optionally ASC or DESC";
                }
                return sorted(c, String.join(" ", parts));
            default:
                throw new IllegalStateException(path);
        }
    }

    private static String first(CallableStatement cs) throws SQLException {
        if (!cs.execute()) {
            return "no result";
        }
        try (ResultSet rs = cs.getResultSet()) {
            return rs.next() ? rs.getString(1) : "no result";
        }
    }

    private static String sorted(Connection c, String sort) throws SQLException {
        StringBuilder lines = new StringBuilder();
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM users ORDER BY " + sort)) {
            while (rs.next() && n < 100) {
                lines.append(rs.getString(1)).append(':').append(rs.getString(2)).append('\n');
                n++;
            }
        }
        return "rows=" + n + "\n" + lines;
    }
}
