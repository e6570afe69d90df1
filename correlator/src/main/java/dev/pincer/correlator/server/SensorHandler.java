package dev.pincer.correlator.server;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.event.SecurityLog;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.protocol.ProtocolException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.prometheus.client.Counter;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The correlator's end of one sensor connection (docs/sensor-protocol.md, section 2). Pipeline:
 * {@code IdleStateHandler -> FrameDecoder -> FrameEncoder -> SensorHandler}.
 *
 * <p>"Handshake": CHALLENGE on accept (versions 1 to 2); exactly one HELLO, checked (version, then
 * proof in constant time), within the handshake timeout; then WELCOME with the version the sensor
 * chose. "CHECK and VERDICT": each CHECK is decoded here and analysed off this loop by
 * {@link Checks}, which writes its VERDICT back here when it is decided. "INPUTS" (v2): the app's
 * view is added to the request context here, as the frame is decoded, so every CHECK after it on
 * this connection is judged with it. "TIMEOUT" (v2): the check's event will say what the sensor
 * did. Both are malformed on a version 1 connection. "Errors": a connection-level problem gets
 * ERROR on stream 0, counted, then close; frames decoded after it are ignored. "Liveness": PING is
 * answered with PONG; a connection silent for the idle timeout is closed. Reads are explicit
 * (auto-read off): the next read is asked for only while the socket is writable, so a sensor that
 * does not read its verdicts is slowed, not buffered for.
 *
 * <p>Ownership: receives {@link Frame}s, which hold no buffers; anything else is released. Writes
 * frames (the encoder owns their bytes).
 */
final class SensorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SensorHandler.class);

    /** Fired at each connection when the server stops. */
    static final Object SHUTDOWN = new Object();

    private enum State { CHALLENGED, OPEN, CLOSING }

    private final SensorSettings settings;
    private final Sensors sensors;
    private final Judge judge;
    private final Analysis analysis;
    private final Outcomes outcomes;
    private final Counter.Child appViewApplied;
    private final Counter.Child appViewIgnored;
    private State state = State.CHALLENGED;
    private boolean counted;
    private boolean authenticated;
    private Handshake handshake;
    private ScheduledFuture<?> handshakeTimer;
    private String sensorId = "";
    private String app = "";
    private int version;
    private Checks checks;
    private ChannelHandlerContext ctx;

    SensorHandler(SensorSettings settings, Sensors sensors, Judge judge, Analysis analysis, Outcomes outcomes) {
        this.settings = settings;
        this.sensors = sensors;
        this.judge = judge;
        this.analysis = analysis;
        this.outcomes = outcomes;
        appViewApplied = judge.metrics().appViewFrames.labels("applied");
        appViewIgnored = judge.metrics().appViewFrames.labels("ignored");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!sensors.tryOpen(ctx.channel(), settings.maxSensors())) {
            fail(ctx, ErrorCode.TOO_MANY_SENSORS, "the correlator has " + settings.maxSensors() + " sensors connected");
            return;
        }
        counted = true;
        handshake = new Handshake(settings.token());
        ctx.writeAndFlush(handshake.challenge());
        handshakeTimer = ctx.executor().schedule(this::handshakeTimedOut, settings.handshakeTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        this.ctx = ctx;
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame f)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (state == State.OPEN) {
            checks.reading(true);
            frame(ctx, f);
        } else if (state == State.CHALLENGED) {
            if (f instanceof Frame.Hello h) {
                hello(ctx, h);
            } else {
                fail(ctx, ErrorCode.UNAUTHENTICATED, f.type() + " before WELCOME");
            }
        }
    }

    private void handshakeTimedOut() {
        if (state == State.CHALLENGED) {
            fail(ctx, ErrorCode.HANDSHAKE_TIMEOUT, "no HELLO within " + settings.handshakeTimeout().toMillis() + " ms");
        }
    }

    private void hello(ChannelHandlerContext ctx, Frame.Hello h) {
        Handshake.Refusal refused = handshake.check(h);
        if (refused != null) {
            if (refused.code() == ErrorCode.AUTH_FAILED) {
                LOG.warn("sensor {} from {}: wrong proof (token mismatch?)", printable(h.sensorId()),
                        ctx.channel().remoteAddress());
            }
            fail(ctx, refused.code(), refused.message());
            return;
        }
        handshakeTimer.cancel(false);
        handshake = null;
        state = State.OPEN;
        authenticated = true;
        sensors.authenticated();
        sensorId = printable(h.sensorId());
        app = printable(h.app());
        version = h.version();
        checks = new Checks(ctx, settings, judge, analysis, outcomes, version, sensorId);
        ctx.writeAndFlush(new Frame.Welcome(version, settings.maxFrame(), settings.maxInFlight(),
                settings.verdictTimeoutMs(), settings.modeCode()));
        LOG.info("sensor {} ({}, app {}, protocol {}) connected from {}", sensorId, printable(h.runtime()), app,
                version, ctx.channel().remoteAddress());
    }

    private void frame(ChannelHandlerContext ctx, Frame f) {
        if (f.type().sinceVersion() > version) {
            fail(ctx, ErrorCode.MALFORMED, f.type() + " on a version " + version + " connection");
        } else if (f instanceof Frame.Check c) {
            Checks.Failure failed = checks.check(c);
            if (failed != null) {
                fail(ctx, failed.code(), failed.message());
            }
        } else if (f instanceof Frame.Inputs in) {
            inputs(in);
        } else if (f instanceof Frame.Timeout t) {
            checks.timeout(t);
        } else if (f instanceof Frame.Ping p) {
            ctx.write(new Frame.Pong(p.stream(), p.data()), ctx.voidPromise());
        } else if (f instanceof Frame.Report r) {
            sensors.report(r.failOpen(), r.failClosed(), r.timeouts());
            if (r.failOpen() > 0 || r.failClosed() > 0) {
                SecurityLog.sensorReport(Instant.now(), sensorId, app, r.failOpen(), r.failClosed(), r.timeouts());
            }
        } else if (f instanceof Frame.Error e) {
            LOG.info("sensor {} sent ERROR {} on stream {}: {}", sensorId, e.code(),
                    Integer.toUnsignedString(e.stream()), printable(e.message()));
            if (e.stream() == 0) {
                state = State.CLOSING;
                ctx.close();
            }
        } else if (!(f instanceof Frame.Pong)) {
            fail(ctx, ErrorCode.MALFORMED, "unexpected " + f.type() + " from a sensor");
        }
    }

    /** The app's own view: added to a live context now, before any later CHECK is decoded; else ignored. */
    private void inputs(Frame.Inputs in) {
        RequestContext rc = judge.context(in.ctx());
        if (rc == null) {
            appViewIgnored.inc();
            return;
        }
        rc.addAppView(in.entries(), in.truncated());
        appViewApplied.inc();
    }

    /** Flushes the read's verdicts (see {@link Checks#flush()}) and asks for the next read while writable. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (checks != null) {
            checks.flush();
            checks.reading(false);
        } else {
            ctx.flush();
        }
        if (state != State.CLOSING && ctx.channel().isWritable()) {
            ctx.read();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (state != State.CLOSING && ctx.channel().isWritable()) {
            ctx.read();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.info("sensor {} from {}: silent for {} s, closing", sensorId, ctx.channel().remoteAddress(),
                    settings.idleTimeout().toSeconds());
            state = State.CLOSING;
            ctx.close();
        } else if (evt == SHUTDOWN) {
            fail(ctx, ErrorCode.SHUTTING_DOWN, "the correlator is stopping");
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ProtocolException p) {
            fail(ctx, p.code(), p.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("sensor {} from {}: {}", sensorId, ctx.channel().remoteAddress(), cause.toString());
            state = State.CLOSING;
            ctx.close();
        } else {
            LOG.warn("sensor {} from {}: unexpected error, closing", sensorId, ctx.channel().remoteAddress(), cause);
            state = State.CLOSING;
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (counted) {
            counted = false;
            sensors.closed();
        }
        if (authenticated) {
            authenticated = false;
            sensors.deauthenticated();
            LOG.info("sensor {} from {} disconnected", sensorId, ctx.channel().remoteAddress());
        }
        state = State.CLOSING;
        ctx.fireChannelInactive();
    }

    /** ERROR on stream 0, counted, then close; only the first problem of a connection is answered. */
    private void fail(ChannelHandlerContext ctx, ErrorCode code, String message) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        sensors.error(code);
        LOG.info("sensor {} from {}: {} ({}), closing", sensorId, ctx.channel().remoteAddress(), code.label(), message);
        ctx.writeAndFlush(new Frame.Error(0, code, message)).addListener(ChannelFutureListener.CLOSE);
    }

    /** A peer's name as logs and events print it: control characters (log injection) become '?'. */
    static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                StringBuilder sb = new StringBuilder(s);
                for (int j = i; j < sb.length(); j++) {
                    if (sb.charAt(j) < 0x20 || sb.charAt(j) == 0x7F) {
                        sb.setCharAt(j, '?');
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }
}
