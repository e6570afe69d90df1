package dev.pincer.demo;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Starts the demo app on an embedded Tomcat bound to 127.0.0.1, and prints
 * {@code demo app listening on <port>} once it serves. The port is the first argument, else
 * {@code DEMO_PORT}, else 8081; {@code 0} picks a free port (the printed line names it).
 *
 * <p>The same classes run on Tomcat 10.1 (jakarta.servlet) and, relocated, on Tomcat 9
 * (javax.servlet): only API common to both is used here.
 *
 * <p>{@code DEMO_MAX_THREADS} (default 200) sizes Tomcat's request thread pool;
 * {@code DEMO_MAX_PARAMETERS} and {@code DEMO_MAX_PARTS} (default 10,000 each) bound the
 * parameters and multipart parts Tomcat parses, generously, like a lenient real app.
 *
 * <pre>java -jar e2e/demo-tomcat10/target/pincer-demo-tomcat10.jar 8081</pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = port(args);
        Fixtures fixtures = Fixtures.create();
        Tomcat tomcat = new Tomcat();
        Connector connector;
        try {
            tomcat.setBaseDir(fixtures.dir().resolve("tomcat").toString());
            tomcat.setPort(port);
            connector = tomcat.getConnector();
            connector.setProperty("address", "127.0.0.1");
            connector.setProperty("maxThreads", Integer.toString(setting("DEMO_MAX_THREADS", 200)));
            // A lenient app: more parameters and parts than Tomcat's defaults (1,000 and 50), so
            // that inputs past Pincer's own limits still reach the sinks when nothing stops them.
            connector.setMaxParameterCount(setting("DEMO_MAX_PARAMETERS", 10_000));
            connector.setMaxPartCount(setting("DEMO_MAX_PARTS", 10_000));
            // and longer request lines than Tomcat's 8 KiB, so a path padded past Pincer's input
            // budget (thousands of "/." segments) still reaches the servlet when nothing stops it.
            connector.setProperty("maxHttpHeaderSize", Integer.toString(setting("DEMO_MAX_HEADER_BYTES", 64 * 1024)));
            Context ctx = context(fixtures);
            tomcat.getHost().addChild(ctx);
            tomcat.start();
            if (ctx.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
                throw new IllegalStateException("the demo context or connector did not start (see the log above)");
            }
        } catch (Exception | Error e) {
            stop(tomcat, fixtures);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, fixtures), "demo-shutdown"));
        System.out.println("demo app listening on " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }

    private static void stop(Tomcat tomcat, Fixtures fixtures) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception e) {
            // exiting anyway
        }
        fixtures.close();
    }

    /**
     * The root context. Built by hand rather than with {@code Tomcat.addContext}, whose listener
     * scans servlets for annotations and so needs the annotations API on the class path: the demo
     * has no annotations, and the API is not published for every Tomcat release.
     */
    private static Context context(Fixtures fixtures) {
        StandardContext ctx = new StandardContext();
        ctx.setName("demo");
        ctx.setPath("");
        ctx.setDocBase(fixtures.dir().toString());
        ctx.setIgnoreAnnotations(true);
        ctx.setAllowCasualMultipartParsing(true); // getParameter reads multipart/form-data fields too
        ctx.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                ctx.setConfigured(true);
            }
        });
        Routes.register(ctx, fixtures);
        return ctx;
    }

    /** A positive whole number from the environment, else {@code fallback}. */
    private static int setting(String env, int fallback) {
        String text = System.getenv(env);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(env + ": " + text + " (expected: a positive number)");
        }
    }

    private static int port(String[] args) {
        String text = args.length > 0 ? args[0] : System.getenv("DEMO_PORT");
        if (text == null || text.isBlank()) {
            return 8081;
        }
        try {
            int p = Integer.parseInt(text.strip());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port: " + text + " (expected: 0 to 65535)");
        }
    }
}
