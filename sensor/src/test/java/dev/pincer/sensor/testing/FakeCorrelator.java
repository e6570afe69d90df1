package dev.pincer.sensor.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A correlator for tests: plain sockets, protocol v1 and v2 written from the spec independently of the
 * sensor's codec (so a symmetric bug in both cannot pass). It does the handshake, answers CHECKs by
 * the rules a test sets, answers PINGs, and records everything it receives.
 */
public final class FakeCorrelator implements AutoCloseable {
    /** A CHECK as received. */
    public record Check(int stream, String ctx, int kind, int flags, List<String> args, Map<String, String> attrs,
            String stack) {
        public String arg(int i) {
            return args.get(i);
        }
    }

    /** An INPUTS frame (v2) as received: {@code entries} holds source, name, value for each entry. */
    public record Inputs(String ctx, int flags, List<Entry> entries) {
        public boolean truncated() {
            return (flags & 1) != 0;
        }
    }

    /** One INPUTS entry: source 1 parameter, 2 header, 3 cookie. */
    public record Entry(int source, String name, String value) {
    }

    /** A TIMEOUT frame (v2) as received. */
    public record Timeout(int stream, int applied) {
    }

    /** A HELLO as received. */
    public record Hello(int version, String sensorId, String runtime, String app) {
    }

    /** What to do with a CHECK. */
    public record Answer(int verdict, int cache, String attackClass, String reason, long delayMillis,
            boolean reply, int errorCode) {
        public static Answer allow() {
            return new Answer(0, 0, "", "", 0, true, 0);
        }

        public static Answer allow(int cache) {
            return new Answer(0, cache, "", "", 0, true, 0);
        }

        public static Answer block(String attackClass) {
            return new Answer(1, 0, attackClass, "test rule", 0, true, 0);
        }

        public static Answer monitor(String attackClass) {
            return new Answer(2, 0, attackClass, "test rule", 0, true, 0);
        }

        public static Answer silence() {
            return new Answer(0, 0, "", "", 0, false, 0);
        }

        public static Answer error(int code) {
            return new Answer(0, 0, "", "", 0, true, code);
        }

        public Answer cached(int c) {
            return new Answer(verdict, c, attackClass, reason, delayMillis, reply, errorCode);
        }

        public Answer after(long millis) {
            return new Answer(verdict, cache, attackClass, reason, millis, reply, errorCode);
        }
    }

    private final String token;
    private final ServerSocket server;
    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final List<Hello> hellos = new CopyOnWriteArrayList<>();
    private final List<long[]> reports = new CopyOnWriteArrayList<>();
    private final List<Inputs> inputs = new CopyOnWriteArrayList<>();
    private final List<Timeout> timeouts = new CopyOnWriteArrayList<>();
    /** The type of every frame after the handshake, in the order received (over all connections). */
    private final List<Integer> order = new CopyOnWriteArrayList<>();
    private final AtomicInteger malformed = new AtomicInteger();
    private volatile int maxVersion = 2;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger authFailures = new AtomicInteger();
    private final AtomicInteger welcomed = new AtomicInteger();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-correlator-later");
        t.setDaemon(true);
        return t;
    });
    private volatile Function<Check, Answer> rules = c -> Answer.allow();
    private volatile long maxInFlight = 1024;
    private volatile long verdictTimeoutMs = 50;
    private volatile boolean answerPings = true;
    private volatile boolean closed;

    public FakeCorrelator(String token) throws IOException {
        this(token, 0);
    }

    /**
     * Binds, retrying a fixed port for up to two seconds: a client reconnecting in a tight loop
     * can briefly hold it through a TCP self-connect, which the client then drops.
     */
    private static void bind(ServerSocket server, int port) throws IOException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return;
            } catch (java.net.BindException e) {
                if (port == 0 || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port). */
    public FakeCorrelator(String token, int port) throws IOException {
        this.token = token;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        bind(server, port);
        Thread acceptor = new Thread(this::acceptLoop, "fake-correlator-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public FakeCorrelator rules(Function<Check, Answer> rules) {
        this.rules = rules;
        return this;
    }

    public FakeCorrelator maxInFlight(long n) {
        this.maxInFlight = n;
        return this;
    }

    public FakeCorrelator verdictTimeoutMs(long ms) {
        this.verdictTimeoutMs = ms;
        return this;
    }

    public FakeCorrelator answerPings(boolean answer) {
        this.answerPings = answer;
        return this;
    }

    /** The highest version CHALLENGE advertises (1 makes this a v1 correlator). */
    public FakeCorrelator maxVersion(int v) {
        this.maxVersion = v;
        return this;
    }

    public List<Inputs> inputs() {
        return inputs;
    }

    public List<Timeout> timeouts() {
        return timeouts;
    }

    /** Frame types received after the handshake, in order. */
    public List<Integer> order() {
        return order;
    }

    /** Connections closed for a frame the version does not allow, or a bad one. */
    public int malformed() {
        return malformed.get();
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> checks(Predicate<Check> filter) {
        return checks.stream().filter(filter).toList();
    }

    public void clearChecks() {
        checks.clear();
    }

    public List<Hello> hellos() {
        return List.copyOf(hellos);
    }

    public List<long[]> reports() {
        return List.copyOf(reports);
    }

    public int pings() {
        return pings.get();
    }

    public int authFailures() {
        return authFailures.get();
    }

    /** Sensors that completed the handshake, over this correlator's life. */
    public int welcomed() {
        return welcomed.get();
    }

    public boolean awaitWelcomed(int n, Duration timeout) throws InterruptedException {
        return await(() -> welcomed.get() >= n, timeout);
    }

    public boolean awaitChecks(int n, Duration timeout) throws InterruptedException {
        return await(() -> checks.size() >= n, timeout);
    }

    public static boolean await(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Closes the listening socket and every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        later.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-correlator-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    // ---- one connection ------------------------------------------------------------------------

    private record Frame(int type, int stream, byte[] payload) {
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            send(out, 0x01, 0, payload(p -> {
                p.writeShort(1);
                p.writeShort(maxVersion);
                p.write(nonce);
            }));
            s.setSoTimeout(5000);
            Frame hello = read(in);
            if (hello.type() != 0x02) {
                send(out, 0x7F, 0, error(3, "unauthenticated"));
                return;
            }
            ByteBuffer b = ByteBuffer.wrap(hello.payload());
            int version = b.getShort() & 0xFFFF;
            byte[] proof = new byte[32];
            b.get(proof);
            Hello h = new Hello(version, str(b), str(b), str(b));
            if (b.hasRemaining()) {
                send(out, 0x7F, 0, error(1, "malformed"));
                return;
            }
            if (!MessageDigest.isEqual(proof, proof(token, nonce))) {
                authFailures.incrementAndGet();
                send(out, 0x7F, 0, error(4, "auth_failed"));
                return;
            }
            if (version < 1 || version > maxVersion) {
                send(out, 0x7F, 0, error(5, "unsupported_version"));
                return;
            }
            hellos.add(h);
            send(out, 0x03, 0, payload(p -> {
                p.writeShort(version);
                p.writeInt(1 << 20);
                p.writeInt((int) maxInFlight);
                p.writeInt((int) verdictTimeoutMs);
                p.writeByte(0);
            }));
            welcomed.incrementAndGet();
            s.setSoTimeout(0);
            while (!closed) {
                Frame f = read(in);
                order.add(f.type());
                if (version < 2 && (f.type() == 0x12 || f.type() == 0x31)) {
                    malformed.incrementAndGet();
                    send(out, 0x7F, 0, error(1, "malformed"));
                    return;
                }
                switch (f.type()) {
                    case 0x10 -> onCheck(out, f);
                    case 0x12 -> onInputs(out, f);
                    case 0x31 -> {
                        if (f.payload().length != 1 || f.stream() == 0 || (f.payload()[0] & 0xFF) > 1) {
                            malformed.incrementAndGet();
                            send(out, 0x7F, 0, error(1, "malformed TIMEOUT"));
                            return;
                        }
                        timeouts.add(new Timeout(f.stream(), f.payload()[0] & 0xFF));
                    }
                    case 0x20 -> {
                        pings.incrementAndGet();
                        if (answerPings) {
                            send(out, 0x21, f.stream(), f.payload());
                        }
                    }
                    case 0x21 -> {
                    }
                    case 0x30 -> {
                        ByteBuffer r = ByteBuffer.wrap(f.payload());
                        reports.add(new long[] {r.getInt() & 0xFFFFFFFFL, r.getInt() & 0xFFFFFFFFL,
                            r.getInt() & 0xFFFFFFFFL});
                    }
                    default -> {
                        send(out, 0x7F, 0, error(1, "unexpected type " + f.type()));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // connection gone
        }
    }

    private void onInputs(DataOutputStream out, Frame f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(f.payload());
        String ctx = str(b);
        int flags = b.get() & 0xFF;
        int n = b.getShort() & 0xFFFF;
        List<Entry> entries = new ArrayList<>();
        boolean bad = f.stream() != 0 || n > 4096 || ctx.isEmpty();
        for (int i = 0; i < n && !bad; i++) {
            int source = b.get() & 0xFF;
            bad = source < 1 || source > 3;
            entries.add(new Entry(source, str(b), str(b)));
        }
        if (bad || b.hasRemaining()) {
            malformed.incrementAndGet();
            send(out, 0x7F, 0, error(1, "malformed INPUTS"));
            throw new IOException("malformed INPUTS");
        }
        inputs.add(new Inputs(ctx, flags, List.copyOf(entries)));
    }

    private void onCheck(DataOutputStream out, Frame f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(f.payload());
        String ctx = str(b);
        int kind = b.get() & 0xFF;
        int flags = b.get() & 0xFF;
        int n = b.getShort() & 0xFFFF;
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(str(b));
        }
        int m = b.getShort() & 0xFFFF;
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            attrs.put(str(b), str(b));
        }
        String stack = str(b);
        if (b.hasRemaining() || f.stream() == 0) {
            send(out, 0x7F, 0, error(1, "malformed CHECK"));
            throw new IOException("malformed CHECK");
        }
        Check c = new Check(f.stream(), ctx, kind, flags, List.copyOf(args), attrs, stack);
        checks.add(c);
        Answer a = rules.apply(c);
        if (a == null || !a.reply()) {
            return;
        }
        byte[] reply = a.errorCode() != 0 ? error(a.errorCode(), "test error") : payload(p -> {
            p.writeByte(a.verdict());
            p.writeByte(a.cache());
            writeStr(p, a.attackClass());
            writeStr(p, a.reason());
        });
        int type = a.errorCode() != 0 ? 0x7F : 0x11;
        if (a.delayMillis() > 0) {
            later.schedule(() -> {
                try {
                    send(out, type, f.stream(), reply);
                } catch (IOException ignored) {
                    // connection gone
                }
            }, a.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            send(out, type, f.stream(), reply);
        }
    }

    // ---- wire helpers --------------------------------------------------------------------------

    private interface PayloadWriter {
        void write(DataOutputStream p) throws IOException;
    }

    private static byte[] payload(PayloadWriter w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream p = new DataOutputStream(bytes);
        w.write(p);
        p.flush();
        return bytes.toByteArray();
    }

    private static byte[] error(int code, String message) throws IOException {
        return payload(p -> {
            p.writeShort(code);
            writeStr(p, message);
        });
    }

    private static void writeStr(DataOutputStream p, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.writeInt(b.length);
        p.write(b);
    }

    private static String str(ByteBuffer b) {
        int n = b.getInt();
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static void send(DataOutputStream out, int type, int stream, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeInt(5 + payload.length);
            out.writeByte(type);
            out.writeInt(stream);
            out.write(payload);
            out.flush();
        }
    }

    private static Frame read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 5 || length > (1 << 20)) {
            throw new IOException("bad length " + length);
        }
        int type = in.readUnsignedByte();
        int stream = in.readInt();
        byte[] payload = new byte[length - 5];
        in.readFully(payload);
        return new Frame(type, stream, payload);
    }

    /** {@code HMAC-SHA256(token, "pincer auth v1" ‖ nonce)}, from the spec. */
    public static byte[] proof(String token, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update("pincer auth v1".getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(nonce);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
