package dev.pincer.demo;

import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** Every endpoint of the demo app, in one list. Each vulnerable path has a safe twin under /safe. */
final class Routes {
    private Routes() {
    }

    static void register(Context ctx, Fixtures fx) {
        add(ctx, "basic", new BasicServlet(fx), "", "/hello", "/echo", "/rows", "/reset");
        add(ctx, "sql", new SqlServlet(fx),
                "/vuln/sql", "/vuln/sql/id", "/vuln/sql/delete", "/vuln/sql/escaped", "/vuln/sql/legacy",
                "/safe/sql", "/safe/sql/id", "/safe/sql/delete", "/safe/sql/legacy");
        add(ctx, "exec", new ExecServlet(), "/vuln/exec", "/safe/exec");
        add(ctx, "file", new FileServlet(fx), "/vuln/file", "/vuln/file/legacy", "/safe/file", "/safe/file/legacy");
        add(ctx, "fetch", new FetchServlet(), "/vuln/fetch", "/vuln/fetch/host", "/safe/fetch", "/safe/fetch/host");
        add(ctx, "redirect", new RedirectServlet(), "/vuln/redirect", "/safe/redirect");
        add(ctx, "ldap", new LdapServlet(fx), "/vuln/ldap", "/safe/ldap");
        add(ctx, "deser", new DeserServlet(), "/vuln/deser", "/safe/deser");
    }

    private static void add(Context ctx, String name, HttpServlet servlet, String... patterns) {
        Tomcat.addServlet(ctx, name, servlet);
        for (String p : patterns) {
            ctx.addServletMappingDecoded(p, name);
        }
    }
}
