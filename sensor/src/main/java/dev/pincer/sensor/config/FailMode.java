package dev.pincer.sensor.config;

/** What a sink that needs a verdict does when none comes in time, or the correlator is gone. */
public enum FailMode {
    /** The sink runs; the event is counted and logged. The default: the app keeps working. */
    OPEN,
    /** The sink is blocked; the event is counted. */
    CLOSED
}
