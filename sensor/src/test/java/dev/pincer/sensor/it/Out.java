package dev.pincer.sensor.it;

/** The child app's report lines, parsed by SensorAgentIT: {@code RESULT <name> <outcome> [detail]}. */
final class Out {
    private Out() {
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} and prints how it ended: {@code ran}, {@code blocked} or {@code error:<class>}. */
    static void result(String name, Body body) {
        String outcome;
        try {
            body.run();
            outcome = "ran";
        } catch (Throwable t) {
            outcome = outcome(t);
        }
        System.out.println("RESULT " + name + " " + outcome);
    }

    static String outcome(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().equals("dev.pincer.sensor.bootstrap.PincerBlockedException")) {
                // Exactly one copy of the bridge, and it is the bootstrap loader's.
                return c.getClass().getClassLoader() == null ? "blocked" : "blocked-by-a-second-copy";
            }
        }
        return "error:" + t.getClass().getSimpleName();
    }

    static void fact(String name, Object value) {
        System.out.println("FACT " + name + " " + value);
    }
}
