package dev.pincer.sensor.log;

import java.io.PrintStream;

/**
 * The sensor's own logger: one line per event on stderr, prefixed {@code [pincer-sensor]}. It uses
 * no logging framework, so it can never clash with (or configure) the application's.
 */
public final class Log {
    public static final int OFF = 0;
    public static final int ERROR = 1;
    public static final int WARN = 2;
    public static final int INFO = 3;
    public static final int DEBUG = 4;

    private static final String[] NAMES = {"OFF", "ERROR", "WARN", "INFO", "DEBUG"};

    private static volatile int level = INFO;

    private Log() {
    }

    public static void setLevel(int newLevel) {
        level = newLevel;
    }

    public static int level() {
        return level;
    }

    public static boolean enabled(int at) {
        return at <= level;
    }

    public static void error(String message) {
        log(ERROR, message);
    }

    public static void warn(String message) {
        log(WARN, message);
    }

    public static void info(String message) {
        log(INFO, message);
    }

    public static void debug(String message) {
        log(DEBUG, message);
    }

    public static void log(int at, String message) {
        if (at > level || at <= OFF) {
            return;
        }
        PrintStream err = System.err;
        if (err != null) {
            err.println("[pincer-sensor] " + NAMES[at] + " " + message);
        }
    }

    /** The lower-case name of a level. */
    public static String name(int at) {
        return NAMES[at].toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a level name ({@code off|error|warn|info|debug}); -1 when it is none of them. */
    public static int parse(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} cut to {@code max} characters, with an ellipsis when cut; {@code "null"} for null. */
    public static String truncate(String s, int max) {
        if (s == null) {
            return "null";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
