package dev.pincer.demo;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL endpoints whose input is not a parameter value (issue 8: names, headers and cookies are
 * inputs too). Vulnerable ones concatenate; safe twins bind the same strings.
 * <ul>
 *   <li>{@code /vuln/sql/names?<name>[=..]&...}: every parameter NAME (from
 *       {@code getParameterNames()}) into {@code ... WHERE name IN ('<n1>', '<n2>')}, as an app
 *       that takes "which users" from the names of checkbox fields does</li>
 *   <li>{@code /vuln/sql/header} with {@code X-User: <name>}: {@code ... WHERE name = '<X-User>'}</li>
 *   <li>{@code /vuln/sql/cookie} with {@code Cookie: user=<name>} (the cookie value URL-decoded,
 *       as apps that store text in cookies do): {@code ... WHERE name = '<user>'}</li>
 * </ul>
 * Answers as {@link SqlServlet}'s: {@code rows=N} then {@code id:name} lines.
 */
final class NameSqlServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final String SELECT = "SELECT id, name FROM users WHERE ";
    /** Names taken at most: the demo is not a bulk lookup. */
    private static final int MAX_NAMES = 20;
    static final String HEADER = "X-User";
    static final String COOKIE = "user";
    private final transient Fixtures fx;

    NameSqlServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> inputs = inputs(path, req);
        if (inputs.isEmpty()) {
            missing(resp, path.endsWith("/names") ? "names" : path.endsWith("/header") ? HEADER : COOKIE);
            return;
        }
        try (Connection c = fx.connection()) {
            text(resp, path.startsWith("/vuln/") ? concatenated(c, inputs, path.endsWith("/names")) : bound(c, inputs));
        } catch (SQLException e) {
            text(resp, "sql error: " + brief(e));
        }
    }

    /** The strings the endpoint puts into its query; a cookie that does not URL-decode is taken as sent. */
    private static List<String> inputs(String path, HttpServletRequest req) {
        if (path.endsWith("/names")) {
            List<String> names = new ArrayList<>(Collections.list(req.getParameterNames()));
            return names.subList(0, Math.min(MAX_NAMES, names.size()));
        }
        if (path.endsWith("/header")) {
            String v = req.getHeader(HEADER);
            return v == null ? List.of() : List.of(v);
        }
        Cookie[] cookies = req.getCookies();
        for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
            if (c.getName().equals(COOKIE)) {
                try {
                    return List.of(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return List.of(c.getValue());
                }
            }
        }
        return List.of();
    }

    private static String concatenated(Connection c, List<String> inputs, boolean list) throws SQLException {
        String sql = list ? SELECT + "name IN ('" + String.join("', '", inputs) + "')"
                : SELECT + "name = '" + inputs.get(0) + "'";
        try (Statement s = c.createStatement()) {
            return SqlServlet.rows(s.executeQuery(sql));
        }
    }

    private static String bound(Connection c, List<String> inputs) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(inputs.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(SELECT + "name IN (" + marks + ")")) {
            for (int i = 0; i < inputs.size(); i++) {
                ps.setString(i + 1, inputs.get(i));
            }
            return SqlServlet.rows(ps.executeQuery());
        }
    }
}
