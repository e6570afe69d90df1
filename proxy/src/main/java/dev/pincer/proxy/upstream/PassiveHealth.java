package dev.pincer.proxy.upstream;

import dev.pincer.config.HealthConfig;

/**
 * Passive health of one server, as nginx's {@code max_fails}/{@code fail_timeout} and HAProxy's
 * {@code fall}: {@code failures} failed connects within {@code window} eject it for
 * {@code ejectTime}, unless its group says it is the last usable server, which stays in rotation.
 * After the ejection the server gets traffic again; a failure then ejects it again at once (the
 * probe failed), a success brings it back up and clears the count.
 *
 * <p>The state is up or down, and each call returns the {@link Change} it caused, so the caller
 * logs a state change once, never per request: a flapping server changes state at most twice per
 * {@code ejectTime}. Example, defaults (3 in 10s, 10s out): one connect timeout changes nothing; a
 * third refused connect within ten seconds returns {@link Change#DOWN}; the first success after it
 * returns {@link Change#UP}.
 *
 * <p>Thread-safe: calls come from any event loop; the group serialises ejection decisions.
 */
final class PassiveHealth {
    /** What a call changed. */
    enum Change { NONE, DOWN, UP, KEPT_AS_LAST }

    private final long windowNanos;
    private final long ejectNanos;
    /** The last {@code failures} failure instants, a ring; {@code count} of them are valid. */
    private final long[] recent;
    private int next;
    private int count;
    private boolean down;
    private boolean keptReported;
    private volatile long ejectedUntil;
    /** {@code System.nanoTime()} may be negative, so {@code ejectedUntil == 0} cannot mean "never". */
    private volatile boolean ejected;

    PassiveHealth(HealthConfig config) {
        recent = new long[config.failures()];
        windowNanos = config.window().toNanos();
        ejectNanos = config.ejectTime().toNanos();
    }

    /** Whether the server is in rotation at {@code nowNanos}. */
    boolean available(long nowNanos) {
        return !ejected || nowNanos - ejectedUntil >= 0;
    }

    synchronized boolean down() {
        return down;
    }

    synchronized Change success() {
        count = 0;
        keptReported = false;
        ejected = false;
        if (!down) {
            return Change.NONE;
        }
        down = false;
        return Change.UP;
    }

    /**
     * @param mayEject false when this is the last usable server of its group
     */
    synchronized Change failure(long nowNanos, boolean mayEject) {
        recent[next] = nowNanos;
        next = (next + 1) % recent.length;
        count = Math.min(count + 1, recent.length);
        boolean probeFailed = down && available(nowNanos);
        boolean tripped = count == recent.length && nowNanos - recent[next] <= windowNanos; // oldest of the last N
        if (!probeFailed && !tripped) {
            return Change.NONE;
        }
        if (!mayEject) {
            if (keptReported) {
                return Change.NONE;
            }
            keptReported = true;
            return Change.KEPT_AS_LAST;
        }
        count = 0;
        ejectedUntil = nowNanos + ejectNanos;
        ejected = true;
        if (down) {
            return Change.NONE;
        }
        down = true;
        return Change.DOWN;
    }
}
