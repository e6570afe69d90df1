package dev.pincer.demo;

/**
 * Java functions the demo's H2 database calls, registered as aliases in {@link Fixtures}: H2 runs
 * {@code CALL GREET('bob')} (and the JDBC escape <code>&#123;call greet('bob')&#125;</code>) by
 * calling {@link #greet}. Public because H2 looks them up by reflection.
 */
public final class DemoFunctions {
    private DemoFunctions() {
    }

    /** {@code hello <name>}: the stored function behind {@code /vuln/sql/call}. */
    public static String greet(String name) {
        return "hello " + name;
    }
}
