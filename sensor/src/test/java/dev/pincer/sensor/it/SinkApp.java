package dev.pincer.sensor.it;

import java.nio.file.Path;
import java.sql.Statement;
import javax.naming.InitialContext;

/**
 * The app the integration tests run under {@code -javaagent:pincer-sensor.jar}, in a child JVM. It
 * knows nothing of the sensor: it calls sinks, inside and outside (javax and jakarta) servlet
 * requests, and prints what happened ({@code RESULT}/{@code FACT} lines, see {@link Out}).
 *
 * <p>Arguments: {@code <scenario> <work dir>}. Context headers come from system properties
 * {@code it.header.*}, signed by the test.
 */
public final class SinkApp {
    private SinkApp() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Path dir = Path.of(args[1]);
        if (!scenario.equals("nocorrelator")) {
            awaitSensor();
        }
        switch (scenario) {
            case "main" -> main(dir);
            case "fail" -> {
                Sinks s = new Sinks(dir);
                s.exec("fail");
                Out.result("fail.jndi", () -> InitialContext.doLookup("fail-lookup"));
            }
            case "appview" -> appView(new Sinks(dir));
            case "connect" -> connect();
            case "files" -> files(dir);
            case "nocorrelator" -> {
                Sinks s = new Sinks(dir);
                s.exec("nocorrelator");
                s.sql("nocorrelator");
            }
            default -> throw new IllegalArgumentException(scenario);
        }
        System.out.println("DONE");
        System.exit(0);
    }

    /**
     * The sensor connects in the background; wait until it gets verdicts. The test correlator blocks
     * the JNDI name {@code pincer-probe}: fail-open lets it through (to a NamingException) until the
     * connection is up.
     */
    private static void awaitSensor() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                new InitialContext().lookup("pincer-probe");
            } catch (RuntimeException e) {
                if (Out.outcome(e).equals("blocked") && e.getMessage().contains("verdict")) {
                    System.out.println("READY");
                    return;
                }
            } catch (Exception notYet) {
                // fail-open while connecting: the lookup itself fails
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the sensor never connected");
    }

    private static void main(Path dir) throws Exception {
        Sinks s = new Sinks(dir);
        String full = System.getProperty("it.header.full");
        String uncaught = System.getProperty("it.header.uncaught");
        String committed = System.getProperty("it.header.committed");
        String nested = System.getProperty("it.header.nested");
        String zero = System.getProperty("it.header.zero");
        String forged = System.getProperty("it.header.forged");
        String filter = System.getProperty("it.header.filter");
        String jakarta = System.getProperty("it.header.jakarta");

        // No request context: only exec, deserialization and JNDI are checked.
        s.sql("none");
        s.files("none");
        s.exec("none");
        s.execForms("none");
        s.deser("none");
        s.jndi("none");

        // javax.servlet, every sink, hint 7.
        JavaxHarness.call("javax.all", full, (req, resp) -> {
            s.sql("javax");
            s.exec("javax");
            s.files("javax");
            s.urls("javax");
            s.ldap("javax");
            s.xpath("javax");
            s.deser("javax");
            s.jndi("javax");
            Out.result("javax.redirect.evil", () -> resp.sendRedirect("https://evil.example/javax-EVIL"));
            Out.result("javax.redirect.ok", () -> resp.setHeader("LOCATION", "/javax-ok"));
        });
        // A block the app does not catch: the sensor answers 403 and the container sees no exception.
        JavaxHarness.call("javax.uncaught", uncaught, (req, resp) -> {
            try (Statement st = s.db.createStatement()) {
                st.execute("DROP TABLE users -- uncaught-EVIL");
            }
        });
        Out.fact("javax.uncaught.users", s.users());
        // Once the response is committed, the block exception goes on to the container.
        JavaxHarness.call("javax.committed", committed, (req, resp) -> {
            resp.getOutputStream().write("partial".getBytes());
            resp.flushBuffer();
            s.db.createStatement().execute("DROP TABLE users -- committed-EVIL");
        });
        // A forward to another servlet keeps the outer request's context.
        JavaxHarness.call("javax.nested", nested, (req, resp) -> JavaxHarness.forward(zero,
                (req2, resp2) -> Out.result("javax.nested.inner", () -> s.db.createStatement()
                        .executeQuery("SELECT 'nested-ok'").close())));
        // Hint 0: nothing in the request could change SQL or a path; exec is still checked.
        JavaxHarness.call("javax.zero", zero, (req, resp) -> {
            s.sql("zero");
            s.files("zero");
            s.exec("zero");
        });
        // A header the sensor cannot verify gives no context, whatever its hint says.
        JavaxHarness.call("javax.forged", forged, (req, resp) -> {
            s.sql("forged");
            Out.result("forged.redirect", () -> resp.sendRedirect("https://evil.example/forged-EVIL"));
        });
        // The filter chain is the outermost entry point: a filter's sink has the context too.
        JavaxHarness.callChain("javax.filter", filter, (req, resp) -> s.db.createStatement()
                .executeQuery("SELECT 'filter-EVIL'"), (req, resp) -> Out.result("javax.filter.servlet", () -> { }));

        // jakarta.servlet.
        JakartaHarness.call("jakarta.all", jakarta, (req, resp) -> {
            s.sql("jakarta");
            s.exec("jakarta");
            s.files("jakarta");
            Out.result("jakarta.redirect.evil", () -> resp.sendRedirect("https://evil.example/jakarta-EVIL"));
            Out.result("jakarta.redirect.ok", () -> resp.addHeader("location", "/jakarta-ok"));
        });
        JakartaHarness.call("jakarta.uncaught", uncaught, (req, resp) -> {
            throw new IllegalStateException("wrapped", new RuntimeException(catchBlock(() -> s.db.createStatement()
                    .execute("DROP TABLE users -- jakarta-EVIL"))));
        });
        Out.fact("jakarta.uncaught.users", s.users());
    }

    /**
     * The app's own view: per servlet API, a request whose app never reads a parameter (the sensor
     * must not make the container parse the body) and one whose app reads {@code note} first.
     */
    private static void appView(Sinks s) {
        JavaxHarness.callWithParams("javax.q", System.getProperty("it.header.jq"),
                (req, resp) -> s.db.createStatement().executeQuery("SELECT 'javax-q'").close());
        JavaxHarness.callWithParams("javax.p", System.getProperty("it.header.jp"), (req, resp) -> {
            Out.fact("javax.p.note", req.getParameter("note"));
            s.db.createStatement().executeQuery("SELECT 'javax-p'").close();
        });
        JakartaHarness.callWithParams("jakarta.q", System.getProperty("it.header.kq"),
                (req, resp) -> s.db.createStatement().executeQuery("SELECT 'jakarta-q'").close());
        JakartaHarness.callWithParams("jakarta.p", System.getProperty("it.header.kp"), (req, resp) -> {
            Out.fact("jakarta.p.note", req.getParameter("note"));
            s.db.createStatement().executeQuery("SELECT 'jakarta-p'").close();
        });
    }

    /** The connect hooks: a URL hint, the URL hint cleared, no context (see {@link Connects}). */
    private static void connect() throws Exception {
        Connects c = new Connects();
        JavaxHarness.call("connect.all", System.getProperty("it.header.connect"), (req, resp) -> c.withContext());
        JavaxHarness.call("connect.keepalive", System.getProperty("it.header.connect"), (req, resp) -> c.keepAlive());
        JavaxHarness.call("connect.rebinding", System.getProperty("it.header.connect"),
                (req, resp) -> c.rebinding(Path.of(System.getProperty("jdk.net.hosts.file"))));
        JavaxHarness.call("connect.nohint", System.getProperty("it.header.nohint"), (req, resp) -> c.unchecked("nohint"));
        c.unchecked("none");
        c.stop();
    }

    /**
     * Every file entry point ({@link FileCases}): without a context (all run unchecked), then in a
     * javax request with the path hint; each case's directory is compared before and after, outside
     * the request.
     */
    private static void files(Path dir) throws Exception {
        java.util.Map<String, Path> dirs = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        for (FileCases.Case c : FileCases.CASES) {
            FileCases.prepare(dir, "none", c);
            Path d = FileCases.prepare(dir, "javax", c);
            dirs.put(c.name(), d);
            before.put(c.name(), FileCases.snapshot(d));
        }
        for (FileCases.Case c : FileCases.CASES) {
            Out.result("files.none." + c.name(), () -> c.action().run(dir.resolve("none-" + c.name())));
        }
        JavaxHarness.call("files.javax", System.getProperty("it.header.files"), (req, resp) -> {
            for (FileCases.Case c : FileCases.CASES) {
                Out.result("files.javax." + c.name(), () -> c.action().run(dirs.get(c.name())));
            }
        });
        for (FileCases.Case c : FileCases.CASES) {
            Out.fact("files.javax." + c.name() + ".unchanged",
                    before.get(c.name()).equals(FileCases.snapshot(dirs.get(c.name()))));
        }
    }

    private static Throwable catchBlock(Out.Body body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
