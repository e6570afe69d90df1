package dev.pincer.bench;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.HostPort;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.prometheus.client.CollectorRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Load for the correlator alone: starts it in this JVM on an ephemeral loopback port, opens
 * {@code --connections} sensor connections (a minimal protocol client on one Netty event loop),
 * registers one request context with a few inputs, and sends SQL CHECKs for it, either at a fixed
 * rate (coordinated-omission aware: each latency counts from the time the CHECK was due, so a
 * stall shows up in every CHECK it delayed) or flat out (a window of pipelined CHECKs per
 * connection). Prints throughput, p50/p99/p99.9 verdict latency (HdrHistogram) and the CPU the
 * correlator's event loops spent per CHECK.
 *
 * <pre>
 * ./mvnw -B -q -pl bench package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.pincer.bench.CorrelatorLoad --rate=10000 --duration=30
 * java -cp bench/target/benchmarks.jar dev.pincer.bench.CorrelatorLoad --rate=0 --duration=30   # flat out
 * </pre>
 *
 * Options ({@code --name=value}): {@code connections} (4), {@code rate} checks/s, 0 = flat out
 * (10000), {@code duration} s (30), {@code warmup} s (10), {@code window} outstanding per connection
 * when flat out (64), {@code analyzers} {@code real} (the correlator's {@link Analyzers} registry) or
 * {@code stub} (an input-in-query check), {@code server} {@code correlator} or
 * {@code baseline} ({@link LoopbackBaseline}: the same client against fixed answers, the floor
 * that loopback and scheduling put under every figure).
 */
public final class CorrelatorLoad {
    static final String TOKEN = "bench-token-0123456789abcdef";
    static final String QUERY = "SELECT u.id, u.name, u.email, u.created_at FROM users u JOIN accounts a ON a.user_id = u.id"
            + " WHERE u.id = 4211 AND a.status = 'active' AND u.name = 'alice' ORDER BY u.created_at DESC LIMIT 20";

    private CorrelatorLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> o = options(argv);
        int connections = Integer.parseInt(o.getOrDefault("connections", "4"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "10000"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int window = Integer.parseInt(o.getOrDefault("window", "64"));
        String which = o.getOrDefault("analyzers", "real");
        boolean baseline = o.getOrDefault("server", "correlator").equals("baseline");

        // One context stands for every request here, so its per-request analysis share is opened wide.
        CorrelatorConfig cfg = new CorrelatorConfig(new HostPort("127.0.0.1", 0), TOKEN, Duration.ofMillis(50),
                64, 1 << 20, 65_536, Duration.ofHours(1), 100_000, List.of(),
                ExecPolicy.ALLOW, null, new CorrelatorConfig.Analysis(0, 65_536, 65_536, Duration.ofDays(1)));
        Map<SinkKind, List<SinkAnalyzer>> analyzers = analyzers(which, cfg);
        CollectorRegistry registry = new CollectorRegistry(true);
        try (Correlator correlator = baseline ? null : Correlator.start(cfg, ProtectionConfig.DEFAULT, analyzers, registry);
             LoopbackBaseline floor = baseline ? new LoopbackBaseline() : null) {
            RequestContext ctx = baseline ? null : correlator.contexts().open("bench-1", "192.0.2.10", "GET", "/users/4211",
                    new RequestInputs(List.of(
                            Input.plain(InputSource.PATH, "", "4211"),
                            Input.plain(InputSource.QUERY, "name", "alice"),
                            Input.plain(InputSource.QUERY, "sort", "created_at"),
                            Input.plain(InputSource.HEADER, "user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
                            Input.plain(InputSource.COOKIE, "session", "8f14e45fceea167a5a36dedd4bea2543")),
                            null, false));
            byte[] check = checkFrame(baseline ? "000102030405060708090a0b0c0d0e0f" : ctx.id());
            boolean flat = rate <= 0;
            EventLoopGroup group = Epoll.isAvailable()
                    ? new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory())
                    : new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            try {
                EventLoop loop = group.next();
                int port = baseline ? floor.port() : correlator.boundPort();
                List<CorrelatorLoadClient> clients = connect(group, port, connections, check, flat);
                System.out.printf((baseline ? "BASELINE (fixed answers, no correlator) " : "") + "correlator load: %d connections, %s, %d s measured after %d s warm-up, "
                        + "analyzers %s (%s), %d server threads%n", connections,
                        flat ? "flat out, window " + window + " per connection" : "fixed rate " + rate + " checks/s",
                        duration, warmup, which, analyzers.getOrDefault(SinkKind.SQL, List.of()), serverThreads());
                Driver driver = flat ? new ClosedLoop(loop, clients, window) : new FixedRate(loop, clients, rate);
                driver.start();
                Thread.sleep(warmup * 1000L);
                long answered0 = on(loop, () -> clients.stream().mapToLong(CorrelatorLoadClient::answered).sum());
                on(loop, () -> {
                    clients.forEach(CorrelatorLoadClient::reset); // the warm-up's latencies are dropped
                    return driver.resetLag();
                });
                long cpu0 = serverCpuNanos();
                Map<String, Double> judged0 = judgeBuckets(registry);
                long t0 = System.nanoTime();
                Thread.sleep(duration * 1000L);
                Histogram h = CorrelatorLoadClient.newHistogram();
                long[] counts = on(loop, () -> {
                    long answered = 0;
                    long unexpected = 0;
                    for (CorrelatorLoadClient c : clients) {
                        h.add(c.reset());
                        answered += c.answered();
                        unexpected += c.unexpected();
                    }
                    return new long[] {answered, unexpected};
                });
                Histogram lag = on(loop, driver::resetLag);
                long elapsed = System.nanoTime() - t0;
                long cpu = serverCpuNanos() - cpu0;
                driver.stop();
                long n = counts[0] - answered0;
                System.out.printf("answered %,d CHECKs in %.1f s: %,.0f checks/s; unexpected frames/verdicts: %d%n",
                        n, elapsed / 1e9, n / (elapsed / 1e9), counts[1]);
                System.out.printf("verdict latency us: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f"
                        + "  (from the intended send time)%n",
                        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                        h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
                if (lag != null) {
                    System.out.printf("of which client send lag us: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                            lag.getValueAtPercentile(50) / 1e3, lag.getValueAtPercentile(99) / 1e3,
                            lag.getValueAtPercentile(99.9) / 1e3, lag.getMaxValue() / 1e3);
                }
                if (!baseline) {
                    Map<String, Double> judged = judgeBuckets(registry);
                    double all = judged.get("+Inf") - judged0.get("+Inf");
                    StringBuilder sb = new StringBuilder("time judging a CHECK (pincer_sink_verdict_seconds):");
                    for (String le : List.of("2.5E-5", "5.0E-5", "1.0E-4", "2.5E-4")) {
                        sb.append(String.format("  %.3f%% <= %s s", 100 * (judged.get(le) - judged0.get(le)) / all, le));
                    }
                    System.out.println(sb);
                }
                System.out.printf("correlator event-loop CPU: %.2f us per CHECK (%.0f%% of one core)%n",
                        cpu / 1e3 / Math.max(1, n), 100.0 * cpu / elapsed);
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }

    private interface Driver {
        void start();

        void stop();

        /** How late the client itself sent CHECKs (fixed rate only): part of every latency, not the server's. */
        default Histogram resetLag() {
            return null;
        }
    }

    /** Sends CHECK i at start + i / rate, round-robin over the connections, from the client loop. */
    private static final class FixedRate implements Driver, Runnable {
        private final EventLoop loop;
        private final List<CorrelatorLoadClient> clients;
        private final long intervalNanos;
        private volatile Histogram lag = CorrelatorLoadClient.newHistogram();
        private long start;
        private long sent;
        private volatile boolean stopped;

        FixedRate(EventLoop loop, List<CorrelatorLoadClient> clients, int rate) {
            this.loop = loop;
            this.clients = clients;
            this.intervalNanos = 1_000_000_000L / rate;
        }

        @Override
        public void start() {
            loop.execute(() -> {
                start = System.nanoTime();
                run();
            });
        }

        @Override
        public void run() {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            long due = (now - start) / intervalNanos + 1;
            boolean any = false;
            for (; sent < due; sent++) {
                long intended = start + sent * intervalNanos;
                lag.recordValue(Math.max(0, now - intended));
                clients.get((int) (sent % clients.size())).send(intended);
                any = true;
            }
            if (any) {
                clients.forEach(c -> c.ready().join().flush());
            }
            long next = start + sent * intervalNanos;
            loop.schedule(this, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public Histogram resetLag() {
            Histogram h = lag;
            lag = CorrelatorLoadClient.newHistogram();
            return h;
        }
    }

    /** Keeps {@code window} CHECKs outstanding per connection; each VERDICT sends the next. */
    private record ClosedLoop(EventLoop loop, List<CorrelatorLoadClient> clients, int window) implements Driver {
        @Override
        public void start() {
            loop.execute(() -> {
                for (CorrelatorLoadClient c : clients) {
                    for (int i = 0; i < window; i++) {
                        c.send(System.nanoTime());
                    }
                    c.ready().join().flush();
                }
            });
        }

        @Override
        public void stop() {
            clients.forEach(c -> c.ready().join().close());
        }
    }

    private static List<CorrelatorLoadClient> connect(EventLoopGroup group, int port, int n, byte[] check, boolean flat)
            throws Exception {
        List<CorrelatorLoadClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CorrelatorLoadClient client = new CorrelatorLoadClient(TOKEN, check, flat);
            new Bootstrap().group(group).channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(64 * 1024, 0, 4, 0, 4), client);
                        }
                    }).connect("127.0.0.1", port).sync();
            client.ready().get(5, TimeUnit.SECONDS);
            clients.add(client);
        }
        return clients;
    }

    /** {@code length type=CHECK stream=0 ctx kind=sql flags=0 args=[QUERY] attrs={method} stack}. */
    static byte[] checkFrame(String ctxId) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(0).writeByte(0x10).writeInt(0);
        str(b, ctxId);
        b.writeByte(1).writeByte(0).writeShort(1);
        str(b, QUERY);
        b.writeShort(1);
        str(b, "method");
        str(b, "executeQuery");
        str(b, "com.shop.users.UserRepository.findActive\ncom.shop.users.UserController.show");
        b.setInt(0, b.readableBytes() - 4);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static void str(ByteBuf b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.writeInt(bytes.length).writeBytes(bytes);
    }

    private static Map<SinkKind, List<SinkAnalyzer>> analyzers(String which, CorrelatorConfig cfg) throws Exception {
        return which.equals("real") ? Analyzers.create(cfg) : Map.of(SinkKind.SQL, List.of(new InputInQuery()));
    }

    /** Stand-in SQL analyzer: an input containing a quote that occurs in the query is SQLi. */
    private static final class InputInQuery implements SinkAnalyzer {
        @Override
        public SinkKind kind() {
            return SinkKind.SQL;
        }

        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            String q = call.arg(0);
            for (Input in : inputs.inputs()) {
                if (in.decoded().indexOf('\'') >= 0 && q.contains(in.decoded())) {
                    return new Finding(AttackClass.SQL_INJECTION, in, List.of(), "input in query");
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "stub";
        }
    }

    /** Cumulative bucket counts of {@code pincer_sink_verdict_seconds}, by {@code le}. */
    private static Map<String, Double> judgeBuckets(CollectorRegistry registry) {
        Map<String, Double> out = new HashMap<>();
        for (var family : java.util.Collections.list(registry.metricFamilySamples())) {
            for (var sample : family.samples) {
                if (sample.name.equals("pincer_sink_verdict_seconds_bucket")) {
                    out.put(sample.labelValues.get(sample.labelNames.indexOf("le")), sample.value);
                }
            }
        }
        return out;
    }

    private static long serverCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("pincer-correlator")) {
                sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pincer-correlator")).count();
    }

    private static <T> T on(EventLoop loop, Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> options(String[] argv) {
        Map<String, String> o = new HashMap<>();
        for (String a : argv) {
            if (!a.startsWith("--") || a.indexOf('=') < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }
}
