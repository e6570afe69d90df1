package dev.pincer.bench;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.HostPort;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.sensor.client.CorrelatorClient;
import dev.pincer.sensor.client.Reply;
import dev.pincer.sensor.client.ReportCounters;
import dev.pincer.sensor.client.Timing;
import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load for the sensor's own correlator client ({@link CorrelatorClient}, the code that runs in the
 * app), the way an app drives it: {@code --threads} app threads, each sending SQL CHECKs for one
 * registered request context at {@code rate / threads} checks/s, to the real correlator (real
 * analyzers) started in this JVM on loopback.
 *
 * <p>Coordinated-omission aware: thread {@code t} sends its {@code i}-th CHECK at
 * {@code start + offset(t) + i * interval}; the latency counts from that intended time, so a thread
 * held up (behind a lock, a slow write, a late wake-up) is charged for every CHECK it could not send
 * on time, not only for the one that was slow. A CHECK that got no VERDICT (timeout, too many in
 * flight, disconnected) is a fail-open and is counted: on loopback, with the correlator up, every
 * one of them is a client or server defect.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.pincer.bench.SensorClientLoad --threads=200 --rate=10000 --duration=30
 * </pre>
 *
 * Options ({@code --name=value}): {@code threads} (200), {@code rate} total checks/s (10000),
 * {@code duration} s (30), {@code warmup} s (10), {@code timeout} the verdict timeout in ms (50),
 * {@code server} {@code correlator} (the real one, default) or {@code baseline}
 * ({@link LoopbackBaseline}: fixed answers, so what remains is the client, loopback and the
 * scheduler; the difference to {@code correlator} is the correlator's share).
 */
public final class SensorClientLoad {
    private SensorClientLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> o = options(argv);
        int threads = Integer.parseInt(o.getOrDefault("threads", "200"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "10000"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        long timeoutMs = Long.parseLong(o.getOrDefault("timeout", "50"));

        CorrelatorConfig cfg = new CorrelatorConfig(new HostPort("127.0.0.1", 0), CorrelatorLoad.TOKEN,
                Duration.ofMillis(timeoutMs), 64, 1 << 20, 65_536, Duration.ofHours(1), 100_000,
                List.of(), ExecPolicy.ALLOW, null,
                // One context stands for every request here, so its per-request analysis share is opened wide.
                new CorrelatorConfig.Analysis(0, 65_536, 65_536, Duration.ofDays(1)));
        boolean baseline = "baseline".equals(o.getOrDefault("server", "correlator"));
        CollectorRegistry registry = new CollectorRegistry(true);
        try (Correlator correlator = baseline ? null : Correlator.start(cfg, ProtectionConfig.DEFAULT, registry);
             LoopbackBaseline floor = baseline ? new LoopbackBaseline() : null) {
            String ctxId = baseline ? "bench" : correlator.contexts().open("bench-1", "192.0.2.10", "GET", "/users/4211",
                    new RequestInputs(List.of(
                            Input.plain(InputSource.PATH, "", "4211"),
                            Input.plain(InputSource.QUERY, "name", "alice"),
                            Input.plain(InputSource.QUERY, "sort", "created_at"),
                            Input.plain(InputSource.HEADER, "user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
                            Input.plain(InputSource.COOKIE, "session", "8f14e45fceea167a5a36dedd4bea2543")),
                            null, false)).id();
            int port = baseline ? floor.port() : correlator.boundPort();
            Log.setLevel(Log.WARN);
            SensorConfig sc = new SensorConfig("127.0.0.1", port, CorrelatorLoad.TOKEN,
                    timeoutMs * 1_000_000L, true, FailMode.OPEN, Log.WARN, "bench");
            CorrelatorClient client = new CorrelatorClient(sc, new ReportCounters(), Timing.standard());
            client.start();
            long until = System.nanoTime() + 5_000_000_000L;
            while (!client.isConnected() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            if (!client.isConnected()) {
                throw new IllegalStateException("the sensor client did not connect");
            }
            System.out.printf("sensor client load: %d app threads, %d checks/s in all, %d s measured after %d s"
                    + " warm-up, verdict timeout %d ms, %d cores, server %s%n", threads, rate, duration, warmup, timeoutMs,
                    Runtime.getRuntime().availableProcessors(), baseline ? "baseline (fixed answers)" : "correlator");
            Run run = new Run(client, ctxId, threads, rate);
            run.start();
            Thread.sleep(warmup * 1000L);
            run.reset();
            long[] cpu0 = cpu();
            long t0 = System.nanoTime();
            Thread.sleep(duration * 1000L);
            Histogram h = run.take();
            long elapsed = System.nanoTime() - t0;
            long[] cpu1 = cpu();
            run.stop();
            client.stop();
            System.out.printf("sent %,d CHECKs in %.1f s: %,.0f checks/s; no verdict (fail-open): %d %s%n",
                    h.getTotalCount(), elapsed / 1e9, h.getTotalCount() / (elapsed / 1e9), run.failOpen(),
                    run.why());
            System.out.printf("round trip us: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f"
                    + "  (from the intended send time)%n",
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
            Histogram c = run.inCallTaken;
            Histogram l = run.lagTaken;
            System.out.printf("  in the client's check() alone us: p50 %.1f  p99 %.1f  p99.9 %.1f;"
                    + "  the app thread's own wake-up lag us: p50 %.1f  p99 %.1f  p99.9 %.1f%n",
                    c.getValueAtPercentile(50) / 1e3, c.getValueAtPercentile(99) / 1e3, c.getValueAtPercentile(99.9) / 1e3,
                    l.getValueAtPercentile(50) / 1e3, l.getValueAtPercentile(99) / 1e3, l.getValueAtPercentile(99.9) / 1e3);
            long n = Math.max(1, h.getTotalCount());
            System.out.printf("CPU per CHECK us: app threads (sending, parking) %.2f  sensor reader %.2f"
                    + "  correlator %.2f; load average %s%n", (cpu1[0] - cpu0[0]) / 1e3 / n,
                    (cpu1[1] - cpu0[1]) / 1e3 / n, (cpu1[2] - cpu0[2]) / 1e3 / n,
                    new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        }
    }

    /**
     * CPU time so far of the app threads, the sensor's own threads and the correlator's, in ns: a
     * figure that, unlike the latencies, a busy machine barely moves.
     */
    private static long[] cpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] sum = new long[3];
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            int which = name.startsWith("app-") ? 0 : name.startsWith("pincer-sensor") ? 1
                    : name.startsWith("pincer-correlator") ? 2 : -1;
            if (which >= 0) {
                sum[which] += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** The app threads and what they measured. */
    private static final class Run {
        private final CorrelatorClient client;
        private final String ctx;
        private final List<Thread> threads = new ArrayList<>();
        private final long interval;
        private final Recorder recorder = new Recorder(3_600_000_000_000L, 3);
        /** From the call into the client to its return: the round trip as the sink call sees it. */
        private final Recorder inCall = new Recorder(3_600_000_000_000L, 3);
        /** From the intended send time to the call: the app thread waking up late (the scheduler). */
        private final Recorder lag = new Recorder(3_600_000_000_000L, 3);
        private volatile Histogram inCallTaken;
        private volatile Histogram lagTaken;
        private final AtomicLong failOpen = new AtomicLong();
        private final AtomicLong[] byStatus = new AtomicLong[8];
        private final CountDownLatch go = new CountDownLatch(1);
        private volatile boolean measuring;
        private volatile boolean stopped;
        private long start;

        Run(CorrelatorClient client, String ctx, int n, int rate) {
            this.client = client;
            this.ctx = ctx;
            this.interval = 1_000_000_000L * n / rate;
            for (int i = 0; i < byStatus.length; i++) {
                byStatus[i] = new AtomicLong();
            }
            for (int t = 0; t < n; t++) {
                long offset = interval * t / n;
                Thread th = new Thread(() -> loop(offset), "app-" + t);
                th.setDaemon(true);
                threads.add(th);
            }
        }

        void start() {
            threads.forEach(Thread::start);
            start = System.nanoTime();
            go.countDown();
        }

        private void loop(long offset) {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            List<String> args = List.of(CorrelatorLoad.QUERY);
            List<String> attrs = List.of("method", "executeQuery");
            String stack = "com.shop.users.UserRepository.findActive\ncom.shop.users.UserController.show";
            long timeout = client.verdictTimeoutNanos();
            for (long i = 0; !stopped; i++) {
                long intended = start + offset + i * interval;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long called = System.nanoTime();
                Reply r = client.check(ctx, 1, args, attrs, stack, timeout);
                long done = System.nanoTime();
                recorder.recordValue(Math.max(0, done - intended));
                inCall.recordValue(Math.max(0, done - called));
                lag.recordValue(Math.max(0, called - intended));
                if (r.status != Reply.VERDICT && measuring) {
                    failOpen.incrementAndGet();
                    byStatus[r.status].incrementAndGet();
                }
            }
        }

        Histogram reset() {
            measuring = true;
            failOpen.set(0);
            for (AtomicLong a : byStatus) {
                a.set(0);
            }
            inCall.getIntervalHistogram();
            lag.getIntervalHistogram();
            return recorder.getIntervalHistogram();
        }

        /** The latencies since {@link #reset}; the fail-open counts stay until the next reset. */
        Histogram take() {
            measuring = false;
            inCallTaken = inCall.getIntervalHistogram();
            lagTaken = lag.getIntervalHistogram();
            return recorder.getIntervalHistogram();
        }

        long failOpen() {
            return failOpen.get();
        }

        String why() {
            return "(timeout " + byStatus[Reply.TIMEOUT] + ", disconnected " + byStatus[Reply.DISCONNECTED]
                    + ", too many in flight " + byStatus[Reply.OVERLOADED] + ")";
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(1000);
            }
        }
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
