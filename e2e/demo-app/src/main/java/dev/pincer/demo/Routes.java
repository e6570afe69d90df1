package dev.pincer.demo;

import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Every endpoint of the demo app, in one list. Each vulnerable path has a safe twin under /safe.
 * {@code /lenient/vuln/...} is the same endpoint reading its inputs from the body whatever the
 * declared content type ({@code text/plain} carrying a form or JSON), as lenient real apps do.
 */
final class Routes {
    private Routes() {
    }

    static void register(Context ctx, Fixtures fx) {
        add(ctx, "basic", new BasicServlet(fx), "", "/hello", "/echo", "/rows", "/reset", "/requests",
                "/headers");
        add(ctx, "sql", new SqlServlet(fx),
                "/vuln/sql", "/vuln/sql/id", "/vuln/sql/delete", "/vuln/sql/escaped", "/vuln/sql/legacy",
                "/safe/sql", "/safe/sql/id", "/safe/sql/delete", "/safe/sql/legacy",
                DemoServlet.LENIENT + "/vuln/sql", DemoServlet.LENIENT + "/vuln/sql/id",
                DemoServlet.LENIENT + "/vuln/sql/delete", "/vuln/sql/delete/*");
        add(ctx, "sql-names", new NameSqlServlet(fx), "/vuln/sql/names", "/vuln/sql/header", "/vuln/sql/cookie",
                "/safe/sql/names", "/safe/sql/header", "/safe/sql/cookie");
        add(ctx, "sql-shapes", new SqlShapesServlet(fx), "/vuln/sql/call", "/safe/sql/call", "/vuln/sql/sorted",
                "/safe/sql/sorted");
        add(ctx, "exec", new ExecServlet(), "/vuln/exec", "/safe/exec", DemoServlet.LENIENT + "/vuln/exec",
                "/vuln/exec/*");
        add(ctx, "exec-forms", new ExecFormsServlet(fx), "/vuln/exec/split", "/safe/exec/split", "/vuln/exec/env",
                "/safe/exec/env");
        add(ctx, "file", new FileServlet(fx), "/vuln/file", "/vuln/file/legacy", "/safe/file", "/safe/file/legacy",
                DemoServlet.LENIENT + "/vuln/file");
        add(ctx, "fileops", new FileOpsServlet(fx), "/vuln/file/exists", "/vuln/file/delete", "/vuln/file/list",
                "/vuln/file/nio", "/vuln/file/walk", "/safe/file/exists", "/safe/file/delete", "/safe/file/list",
                "/safe/file/nio", "/safe/file/walk");
        add(ctx, "fetch", new FetchServlet(), "/vuln/fetch", "/vuln/fetch/host", "/safe/fetch", "/safe/fetch/host");
        add(ctx, "catalog", new CatalogServlet(), "/catalog/item");
        add(ctx, "redirect", new RedirectServlet(), "/vuln/redirect", "/safe/redirect");
        add(ctx, "ldap", new LdapServlet(fx), "/vuln/ldap", "/safe/ldap");
        add(ctx, "deser", new DeserServlet(), "/vuln/deser", "/safe/deser");
        add(ctx, "xss", new XssServlet(), "/vuln/xss", "/safe/xss");
    }

    private static void add(Context ctx, String name, HttpServlet servlet, String... patterns) {
        Tomcat.addServlet(ctx, name, servlet);
        for (String p : patterns) {
            ctx.addServletMappingDecoded(p, name);
        }
    }
}
