package dev.pincer.sensor.client;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sensor's side of the protocol: one persistent, authenticated TCP connection to the
 * correlator, carrying pipelined CHECKs (docs/sensor-protocol.md, section 2).
 *
 * <p>Threads, all daemons, so the app's shutdown never waits on them:
 * <ul>
 *   <li>{@code pincer-sensor-io} connects, does the handshake, then reads frames until the
 *       connection goes; then it waits (exponential backoff, 100 ms to 10 s, with jitter) and
 *       reconnects. Nothing the app does ever waits for a connection: a CHECK without one fails at
 *       once.</li>
 *   <li>{@code pincer-sensor-tick} sends PING after 15 s without traffic (and drops a connection
 *       whose PONG is 10 s late), and REPORT at most once a second when a count is non-zero.</li>
 * </ul>
 * The app's own threads send CHECKs through the connection's {@link FrameWriter} (lock-free: no
 * app thread waits for another's write) and park until the reader completes them or the verdict
 * timeout passes.
 *
 * <p>Versions: the sensor speaks 1 and 2 and answers CHALLENGE with the highest version both
 * sides have. On a version 2 connection it also sends INPUTS (a request's app-side view, before the
 * request's first CHECK) and TIMEOUT (at the moment it stops waiting for a VERDICT).
 */
public final class CorrelatorClient {
    private static final String AUTH_LABEL = "pincer auth v1";

    private final SensorConfig config;
    private final ReportCounters counters;
    private final Timing timing;
    private final byte[] tokenBytes;

    private volatile Connection current;
    private volatile boolean stopped;
    private volatile String sensorId;
    private volatile long lastReport;
    private final java.util.concurrent.atomic.AtomicLong lateVerdicts = new java.util.concurrent.atomic.AtomicLong();
    private Thread io;
    private Thread tick;

    // For logs: say "cannot reach" once per outage, not once per retry.
    private volatile boolean outageLogged;

    public CorrelatorClient(SensorConfig config, ReportCounters counters, Timing timing) {
        this.config = config;
        this.counters = counters;
        this.timing = timing;
        this.tokenBytes = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the background threads; returns at once. Without a token there is nothing to start. */
    public synchronized void start() {
        if (tokenBytes == null || io != null) {
            return;
        }
        io = new Thread(this::ioLoop, "pincer-sensor-io");
        io.setDaemon(true);
        io.start();
        tick = new Thread(this::tickLoop, "pincer-sensor-tick");
        tick.setDaemon(true);
        tick.start();
    }

    /** Stops the threads and closes the connection. */
    public synchronized void stop() {
        stopped = true;
        Connection c = current;
        if (c != null) {
            c.close("stopped");
        }
        if (io != null) {
            io.interrupt();
            tick.interrupt();
        }
    }

    public boolean isConnected() {
        Connection c = current;
        return c != null && !c.isClosed();
    }

    /** The CHECKs outstanding on the current connection (answered or timed out, not yet replied). */
    public int outstanding() {
        Connection c = current;
        return c == null ? 0 : c.outstanding();
    }

    /** The protocol version of the current connection; 0 without one. */
    public int version() {
        Connection c = current;
        return c == null ? 0 : c.version;
    }

    /** VERDICTs that arrived after their CHECK had timed out, and were ignored. */
    public long lateVerdicts() {
        return lateVerdicts.get();
    }

    /** The wait for a verdict: the configured one, else WELCOME's suggestion, else 50 ms. */
    public long verdictTimeoutNanos() {
        if (config.timeoutConfigured()) {
            return config.verdictTimeoutNanos();
        }
        Connection c = current;
        if (c != null && c.suggestedTimeoutNanos > 0) {
            return c.suggestedTimeoutNanos;
        }
        return config.verdictTimeoutNanos();
    }

    /**
     * Sends a CHECK and waits up to {@code timeoutNanos} for its VERDICT. Never throws; without a
     * connection it returns {@link Reply#DISCONNECTED} at once.
     */
    public Reply check(String ctx, int kind, List<String> args, List<String> attrPairs, String stack,
            long timeoutNanos) {
        return check(ctx, kind, args, attrPairs, stack, timeoutNanos, null);
    }

    /**
     * As {@link #check(String, int, List, List, String, long)}; on a version 2 connection the
     * request's INPUTS go first when {@code view} (may be {@code null}) has not sent them on it yet,
     * and a wait that runs out is reported with TIMEOUT before this returns.
     */
    public Reply check(String ctx, int kind, List<String> args, List<String> attrPairs, String stack,
            long timeoutNanos, AppView view) {
        Connection c = current;
        if (c == null) {
            return Reply.DISCONNECTED_REPLY;
        }
        return c.check(ctx, kind, args, attrPairs, stack, timeoutNanos, view,
                config.failMode() == dev.pincer.sensor.config.FailMode.CLOSED);
    }

    // ---- connection lifecycle ------------------------------------------------------------------

    private void ioLoop() {
        long backoff = timing.backoffMin;
        while (!stopped) {
            Connection c = null;
            try {
                c = connect();
                backoff = timing.backoffMin;
                outageLogged = false;
                current = c;
                Log.info("connected to the correlator at " + config.host() + ":" + config.port() + " (mode "
                        + modeName(c.mode) + ", protocol " + c.version + ", max_in_flight " + c.maxInFlight + ")");
                readLoop(c);
            } catch (ProtocolException e) {
                if (c != null) {
                    sendQuietly(c, Frames.error(0, e.code(), e.getMessage()));
                }
                lost(c, "protocol error: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                lost(c, describe(e));
            } finally {
                if (c != null) {
                    current = null;
                    c.close("lost");
                }
            }
            if (stopped) {
                break;
            }
            long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
            try {
                Thread.sleep(Math.max(1, jittered / 1_000_000L));
            } catch (InterruptedException e) {
                if (stopped) {
                    break;
                }
            }
            backoff = Math.min(backoff * 2, timing.backoffMax);
        }
    }

    private void lost(Connection c, String why) {
        if (stopped) {
            return;
        }
        if (c != null) {
            Log.warn("lost the connection to the correlator: " + why + "; reconnecting");
        } else if (!outageLogged) {
            outageLogged = true;
            Log.log(why.contains("auth_failed") ? Log.ERROR : Log.WARN, "cannot connect to the correlator at " + config.host() + ":" + config.port() + ": " + why
                    + "; retrying in the background (sinks that need a verdict apply fail="
                    + config.failMode().name().toLowerCase(java.util.Locale.ROOT) + " meanwhile)");
        } else {
            Log.debug("correlator still unreachable: " + why);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static boolean selfConnected(Socket s) {
        return s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress());
    }

    /** TCP connect and the handshake: CHALLENGE, HELLO, WELCOME (or ERROR). */
    private Connection connect() throws IOException {
        Socket s = new Socket();
        boolean ok = false;
        try {
            int handshakeMs = (int) (timing.handshakeTimeout / 1_000_000L);
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            // The sensor's own connect is never a sink: it runs on pincer-sensor-io, which serves no
            // request, and holds the connect guard besides, so the connect hook stays silent.
            ThreadState st = Bridge.state();
            int guard = st.guard;
            st.guard = guard | (1 << Bridge.CONNECT);
            try {
                s.connect(new InetSocketAddress(config.host(), config.port()), handshakeMs);
            } finally {
                st.guard = guard;
            }
            if (selfConnected(s)) {
                // TCP simultaneous open: with no listener on a loopback port in the ephemeral range,
                // a connect can pick that same port as its source and connect to itself, then hold
                // the port so the correlator cannot bind it when it comes back.
                throw new IOException("connected to itself on port " + s.getLocalPort() + " (no correlator listening)");
            }
            s.setSoTimeout(handshakeMs);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 8192));

            Frames.Frame f = Frames.read(in, Frames.MAX_INBOUND);
            if (f.type == Frames.ERROR) {
                throw refused(Frames.ErrorFrame.parse(f.payload));
            }
            if (f.type != Frames.CHALLENGE || f.stream != 0) {
                throw new ProtocolException(Frames.ERR_MALFORMED, "expected CHALLENGE, got type 0x"
                        + Integer.toHexString(f.type));
            }
            Frames.Challenge ch = Frames.Challenge.parse(f.payload);
            int version = Math.min(Frames.VERSION, ch.maxVersion);
            if (version < ch.minVersion || version < Frames.MIN_VERSION) {
                throw new ProtocolException(Frames.ERR_UNSUPPORTED_VERSION, "correlator speaks versions "
                        + ch.minVersion + ".." + ch.maxVersion + ", this sensor " + Frames.MIN_VERSION + ".."
                        + Frames.VERSION);
            }
            byte[] hello = Frames.hello(version, proof(ch.nonce), sensorId(),
                    "java " + System.getProperty("java.version"), config.app());
            s.getOutputStream().write(hello);
            s.getOutputStream().flush();

            f = Frames.read(in, Frames.MAX_INBOUND);
            if (f.type == Frames.ERROR) {
                throw refused(Frames.ErrorFrame.parse(f.payload));
            }
            if (f.type != Frames.WELCOME || f.stream != 0) {
                throw new ProtocolException(Frames.ERR_MALFORMED, "expected WELCOME, got type 0x"
                        + Integer.toHexString(f.type));
            }
            Frames.Welcome w = Frames.Welcome.parse(f.payload);
            if (w.version != version) {
                throw new ProtocolException(Frames.ERR_UNSUPPORTED_VERSION, "WELCOME for version " + w.version);
            }
            s.setSoTimeout(0);
            Connection c = new Connection(s, in, w);
            ok = true;
            return c;
        } finally {
            if (!ok) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    private IOException refused(Frames.ErrorFrame e) {
        String name = Frames.errorName(e.code);
        if (e.code == Frames.ERR_AUTH_FAILED) {
            return new IOException("the correlator refused this sensor's token (auth_failed): check the token"
                    + " setting (token_file=, pincer.token_file, PINCER_TOKEN_FILE, or token=, pincer.token, PINCER_TOKEN)");
        }
        return new IOException("correlator refused the connection: " + name
                + (e.message.isEmpty() ? "" : " (" + e.message + ")"));
    }

    private void readLoop(Connection c) throws IOException {
        DataInputStream in = c.in;
        while (!stopped) {
            Frames.Frame f;
            try {
                f = Frames.read(in, Frames.MAX_INBOUND);
            } catch (SocketException | EOFException e) {
                if (c.isClosed()) {
                    return; // closed by us (tick thread or stop)
                }
                throw e;
            }
            c.lastTraffic = System.nanoTime();
            switch (f.type) {
                case Frames.VERDICT: {
                    Frames.VerdictFrame v = Frames.VerdictFrame.parse(f.payload);
                    long late = c.lateReplies();
                    if (!c.complete(f.stream, Reply.verdict(v.verdict, v.cache, v.attackClass, v.reason))) {
                        if (c.lateReplies() != late) {
                            lateVerdicts.incrementAndGet();
                            Log.debug("late VERDICT for stream " + f.stream + " ignored: the sensor stopped waiting");
                        } else {
                            Log.debug("VERDICT for stream " + f.stream + " that is no longer outstanding");
                        }
                    }
                    break;
                }
                case Frames.ERROR: {
                    Frames.ErrorFrame e = Frames.ErrorFrame.parse(f.payload);
                    if (f.stream == 0) {
                        throw new IOException("correlator sent ERROR " + Frames.errorName(e.code)
                                + (e.message.isEmpty() ? "" : " (" + e.message + ")"));
                    }
                    c.complete(f.stream, new Reply(Reply.REFUSED, 0, 0, "", Frames.errorName(e.code)));
                    break;
                }
                case Frames.PING:
                    c.send(Frames.pong(f.stream, Frames.parsePingData(f.payload)));
                    break;
                case Frames.PONG:
                    Frames.parsePingData(f.payload);
                    c.pingSentAt = 0;
                    break;
                default:
                    throw new ProtocolException(Frames.ERR_MALFORMED, "unexpected frame type 0x"
                            + Integer.toHexString(f.type) + " from the correlator");
            }
        }
    }

    private static void sendQuietly(Connection c, byte[] frame) {
        try {
            c.send(frame);
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // ---- housekeeping --------------------------------------------------------------------------

    private void tickLoop() {
        while (!stopped) {
            try {
                Thread.sleep(Math.max(1, timing.tick / 1_000_000L));
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            }
            try {
                tickOnce();
            } catch (Throwable t) {
                Log.debug("housekeeping failed: " + describe(t));
            }
        }
    }

    private void tickOnce() {
        Connection c = current;
        if (c == null || c.isClosed()) {
            return;
        }
        long now = System.nanoTime();
        long pingAt = c.pingSentAt;
        if (pingAt != 0) {
            if (now - pingAt > timing.pongTimeout) {
                Log.warn("no PONG from the correlator in " + timing.pongTimeout / 1_000_000L + " ms; reconnecting");
                c.close("no PONG");
                return;
            }
        } else if (now - c.lastTraffic > timing.pingIdle) {
            byte[] data = new byte[8];
            long v = now;
            for (int i = 7; i >= 0; i--) {
                data[i] = (byte) v;
                v >>>= 8;
            }
            c.pingSentAt = now;
            try {
                c.send(Frames.ping(0, data));
            } catch (IOException e) {
                c.close("ping failed");
                return;
            }
        }
        if (counters.pending() && now - lastReport >= timing.reportInterval) {
            long fo = counters.failOpen.getAndSet(0);
            long fc = counters.failClosed.getAndSet(0);
            long to = counters.timeouts.getAndSet(0);
            try {
                c.send(Frames.report(fo, fc, to));
                lastReport = now;
            } catch (IOException e) {
                // Keep the counts for the next connection.
                counters.failOpen.addAndGet(fo);
                counters.failClosed.addAndGet(fc);
                counters.timeouts.addAndGet(to);
                c.close("report failed");
            }
        }
    }

    // ---- handshake pieces ----------------------------------------------------------------------

    /** {@code HMAC-SHA256(token, "pincer auth v1" ‖ nonce)}. */
    byte[] proof(byte[] nonce) {
        return proof(tokenBytes, nonce);
    }

    public static byte[] proof(byte[] token, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            mac.update(AUTH_LABEL.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code host/pid}, computed on the io thread (the host name may need DNS). */
    private String sensorId() {
        String id = sensorId;
        if (id == null) {
            id = hostName() + "/" + pid();
            sensorId = id;
        }
        return id;
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isEmpty()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown-host";
        }
    }

    private static String pid() {
        try {
            // ProcessHandle is Java 9+; this class is compiled for 8.
            Class<?> ph = Class.forName("java.lang.ProcessHandle");
            Object current = ph.getMethod("current").invoke(null);
            return String.valueOf(ph.getMethod("pid").invoke(current));
        } catch (Throwable notNine) {
            String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at > 0 ? name.substring(0, at) : name;
        }
    }

    static String modeName(int mode) {
        switch (mode) {
            case 0: return "hybrid";
            case 1: return "edge";
            case 2: return "monitor";
            default: return "mode " + mode;
        }
    }
}
