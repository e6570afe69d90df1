package dev.pincer.bench;

import dev.pincer.config.ConfigLoader;
import dev.pincer.config.PincerConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.protection.EdgeState;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the edge controls add to a request that triggers none of them (issue 9's target: under
 * 5 µs): the IP filter with 100,000 deny ranges in a list file, a per-IP rate limit, automatic
 * bans and upload detection, all on, compiled from YAML exactly as the server does. Each operation
 * is a request's whole transaction, for a GET and for a JSON POST (neither opens an upload step):
 * open, request head, request end, close. {@code controls=off} is the same route with every
 * control off, the baseline. Clients cycle through 4096 addresses.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar EdgeControlsBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class EdgeControlsBenchmark {
    private static final RequestHead GET = new RequestHead("GET", "/api/orders/4711?expand=items",
            List.of(new HeaderField("Host", "shop.example"), new HeaderField("Accept", "application/json")));
    private static final RequestHead POST = new RequestHead("POST", "/api/orders",
            List.of(new HeaderField("Host", "shop.example"), new HeaderField("Content-Type", "application/json"),
                    new HeaderField("Content-Length", "42")));
    private static final int CLIENTS = 4096;

    @Param({"off", "on"})
    public String controls;

    private Path dir;
    private EdgeState state;
    private List<Participant> participants;
    private InetAddress[] clients;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("pincer-bench-edge");
        Random rnd = new Random(20261202);
        StringBuilder list = new StringBuilder("# 100k random ranges, none of them 10.0.0.0/8\n");
        for (int i = 0; i < 100_000; i++) {
            int a = 11 + rnd.nextInt(200);
            list.append(a).append('.').append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256)).append(".0/24\n");
        }
        Path deny = dir.resolve("deny.txt");
        Files.writeString(deny, list);
        String protection = controls.equals("on")
                ? "protection:\n"
                        + "  ip_filter: { deny_files: [" + deny + "] }\n"
                        + "  rate_limits: [{ name: per_ip, key: ip, rate: 1000000/s, burst: 1000000 }]\n"
                        + "  bans: { enabled: true }\n"
                : "protection:\n  uploads: { enabled: false }\n";
        PincerConfig config = ConfigLoader.parse("listen: 127.0.0.1:0\nupstreams:\n  app:\n    servers: [127.0.0.1:1]\n"
                + "routes:\n  - match: { path_prefix: / }\n    upstream: app\n" + protection, "bench.yaml");
        state = new EdgeState(config.protection(), null);
        RouteConfig route = config.routes().get(0);
        participants = Protection.compile(config, state).participants(route);
        clients = new InetAddress[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = InetAddress.getByAddress(new byte[] {10, (byte) rnd.nextInt(256), (byte) rnd.nextInt(256),
                (byte) (1 + rnd.nextInt(254))});
        }
        if (controls.equals("on") && participants.size() != 4) {
            throw new IllegalStateException("expected 4 controls, got " + participants);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        state.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public Outcome get() {
        return run(GET);
    }

    @Benchmark
    public Outcome jsonPost() {
        return run(POST);
    }

    private Outcome run(RequestHead head) {
        InetAddress client = clients[next++ & (CLIENTS - 1)];
        Transaction tx = Transaction.open("r", client, client, "shop.example/", head, participants);
        Outcome o = tx.requestHead();
        if (!o.blocks()) {
            o = tx.requestEnd(true);
        }
        tx.close(Disposition.answered(200));
        if (o.blocks()) {
            throw new IllegalStateException("a control blocked the benchmark's request: " + o);
        }
        return o;
    }
}
