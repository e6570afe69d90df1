package dev.pincer.correlator.server;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.protocol.FrameDecoder;
import dev.pincer.correlator.protocol.FrameEncoder;
import dev.pincer.correlator.protocol.Protocol;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.Configs;
import dev.pincer.correlator.testing.FakeAnalyzers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sensor connection's whole pipeline in an {@link EmbeddedChannel} (no sockets): bytes in,
 * decoded frames out. Shares a {@link Sensors}, {@link Judge} and registry with the other channels
 * of the same {@link Server}. Close with {@link #close()}, which ends in {@code finishAndReleaseAll()}.
 */
final class SensorChannel implements AutoCloseable {
    static final int MAX_FRAME = 64 * 1024;
    static final Duration HANDSHAKE = Duration.ofSeconds(5);
    static final Duration IDLE = Duration.ofSeconds(60);

    /**
     * What several connections share: settings, counters, contexts, analyzers, and the analysis
     * "executor": by default each check is analysed at once on the calling thread; with
     * {@link #manual()} checks wait in {@link #tasks} until the test runs them, in any order.
     * {@link #clock} is the analysis clock (nanoseconds), moved only by the test.
     */
    static final class Server {
        final CollectorRegistry registry = new CollectorRegistry(true);
        final CorrelatorMetrics metrics = new CorrelatorMetrics(registry);
        final ContextStore contexts = new ContextStore(1000, Duration.ofMinutes(5), metrics);
        final Sensors sensors = new Sensors(metrics);
        final AtomicLong clock;
        final List<Runnable> tasks = new ArrayList<>();
        final SensorSettings settings;
        final Judge judge;
        final Outcomes outcomes;
        private boolean manual;
        private int queue = Integer.MAX_VALUE;
        Analysis analysis;

        Server(Mode mode, int maxSensors, int maxInFlight) {
            this(mode, maxSensors, maxInFlight, FakeAnalyzers.all());
        }

        Server(Mode mode, int maxSensors, int maxInFlight, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
            this(mode, maxSensors, maxInFlight, new AtomicLong(), analyzers);
        }

        /** {@code clock} is the analysis clock, which the given analyzers may move on. */
        Server(Mode mode, int maxSensors, int maxInFlight, AtomicLong clock,
               Map<SinkKind, List<SinkAnalyzer>> analyzers) {
            this.clock = clock;
            settings = new SensorSettings(Configs.TOKEN, maxSensors, MAX_FRAME, maxInFlight, 50, mode, HANDSHAKE, IDLE);
            judge = new Judge(contexts, metrics, mode, analyzers);
            outcomes = new Outcomes(metrics);
            share(8, Duration.ofSeconds(1));
        }

        /** Checks wait in {@link #tasks}, at most {@code queue} of them (more: the queue is full). */
        Server manual(int queue) {
            manual = true;
            this.queue = queue;
            return share(analysis.requestChecks(), Duration.ofNanos(analysis.requestNanos()));
        }

        /** Sets the per-request share. */
        Server share(int checks, Duration time) {
            Executor e = task -> {
                if (!manual) {
                    task.run();
                } else if (tasks.size() >= queue) {
                    throw new RejectedExecutionException("full");
                } else {
                    tasks.add(task);
                }
            };
            analysis = Analysis.on(e, clock::get, checks, time.toNanos());
            return this;
        }

        /** Runs the i-th waiting analysis task (then it is gone). */
        void run(int i) {
            tasks.remove(i).run();
        }

        SensorChannel connect() {
            return new SensorChannel(this);
        }

        double metric(String name, String... labels) {
            String[] names = new String[labels.length / 2];
            String[] values = new String[labels.length / 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = labels[2 * i];
                values[i] = labels[2 * i + 1];
            }
            Double v = registry.getSampleValue(name, names, values);
            return v == null ? 0 : v;
        }
    }

    final EmbeddedChannel ch;
    private final ByteBuf received = Unpooled.buffer();
    private byte[] nonce;

    private SensorChannel(Server server) {
        SensorSettings s = server.settings;
        ch = new EmbeddedChannel(
                new IdleStateHandler(s.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS),
                new FrameDecoder(s.maxFrame()), FrameEncoder.INSTANCE,
                new SensorHandler(s, server.sensors, server.judge, server.analysis, server.outcomes));
    }

    /** Reads the CHALLENGE (if not yet read) and returns its nonce. */
    byte[] nonce() {
        if (nonce == null) {
            Frame f = next();
            if (!(f instanceof Frame.Challenge c)) {
                throw new AssertionError("expected CHALLENGE, got " + f);
            }
            nonce = c.nonce();
        }
        return nonce;
    }

    byte[] proof() {
        return Protocol.proof(Configs.TOKEN, nonce());
    }

    /** Completes a version 1 handshake; returns the WELCOME. */
    Frame.Welcome handshake() {
        return handshake(1);
    }

    /** Completes the handshake choosing {@code version}; returns the WELCOME. */
    Frame.Welcome handshake(int version) {
        send(new Frame.Hello(version, proof(), "test/1", "java 17", "app"));
        Frame f = next();
        if (!(f instanceof Frame.Welcome w)) {
            throw new AssertionError("expected WELCOME, got " + f);
        }
        return w;
    }

    /** Encodes frames into one buffer and delivers them as one read. */
    void send(Frame... frames) {
        ByteBuf b = Unpooled.buffer();
        for (Frame f : frames) {
            FrameEncoder.write(f, b);
        }
        ch.writeInbound(b);
    }

    /** Delivers raw bytes as one read. */
    void send(byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    /** Every frame written so far and not yet taken. */
    List<Frame> frames() {
        drain();
        List<Frame> out = new ArrayList<>();
        Frame f;
        while ((f = FrameDecoder.decodeOne(received, Protocol.MAX_CORRELATOR_FRAME)) != null) {
            out.add(f);
        }
        received.discardReadBytes();
        return out;
    }

    /** The next frame written, failing if there is none. */
    Frame next() {
        drain();
        Frame f = FrameDecoder.decodeOne(received, Protocol.MAX_CORRELATOR_FRAME);
        if (f == null) {
            throw new AssertionError("no frame written");
        }
        return f;
    }

    /** Number of outbound write calls queued so far and not yet taken (flush batching). */
    int pendingWrites() {
        return ch.outboundMessages().size();
    }

    boolean open() {
        return ch.isOpen();
    }

    private void drain() {
        ch.runPendingTasks();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            received.writeBytes(b);
            b.release();
        }
    }

    @Override
    public void close() {
        if (received.refCnt() == 0) {
            return;
        }
        received.release();
        ch.finishAndReleaseAll();
    }
}
