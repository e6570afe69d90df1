package dev.pincer.sensor;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}):
 * {@code -javaagent:pincer-sensor.jar=correlator=127.0.0.1:7701,token=...}.
 *
 * <p>It first puts the bridge classes on the bootstrap path ({@link BootstrapInjector}), then
 * installs the sensor ({@link Installer}). This class itself references no bridge class, so
 * nothing resolves one before it is there. Whatever goes wrong, the app starts: the failure is one
 * line on stderr and the app runs without the sensor.
 */
public final class Agent {
    private static boolean started;

    private Agent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static synchronized void start(String args, Instrumentation inst) {
        if (started) {
            return;
        }
        started = true;
        try {
            BootstrapInjector.inject(inst);
            Installer.install(args, inst);
        } catch (Throwable t) {
            System.err.println("[pincer-sensor] ERROR the sensor could not start; the application runs without it: "
                    + t);
        }
    }
}
