package dev.pincer.sensor.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which classes are the sensor's own: its root package and its sub-packages, the shaded ByteBuddy
 * among them. Not everything under {@code dev.pincer.sensor.}: an app (or a test app) may live
 * there too, and must be instrumented and shown in stack summaries like any other.
 */
public final class Own {
    private static final String PREFIX = "dev.pincer.sensor.";
    private static final Set<String> PACKAGES = new HashSet<>(Arrays.asList("bootstrap", "internal", "client", "log", "appview",
            "config", "context", "shaded", "jdbc", "process", "file", "net", "redirect", "ldap", "xpath", "deser",
            "jndi", "servlet"));

    private Own() {
    }

    public static boolean isSensorClass(String className) {
        if (!className.startsWith(PREFIX)) {
            return false;
        }
        int dot = className.indexOf('.', PREFIX.length());
        if (dot < 0) {
            // The root package holds the agent's classes; its test classes are not part of a real app.
            return true;
        }
        return PACKAGES.contains(className.substring(PREFIX.length(), dot));
    }
}
