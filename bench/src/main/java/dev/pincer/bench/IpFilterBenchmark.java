package dev.pincer.bench;

import dev.pincer.config.CidrRange;
import dev.pincer.config.IpFilterConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.ipfilter.IpFilter;
import dev.pincer.inspection.ipfilter.IpListFiles;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
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
 * What the IP filter adds to a request's edge transaction, by list size: {@code ranges} random
 * deny blocks (half IPv4 /16../32, half IPv6 /32../128) in the global list, and a client that is
 * in none of them (the common case, and the one that searches every list to the end). Each
 * operation is the request's whole transaction: open, request head, close. {@code ranges=0} is
 * the transaction with no participant, the baseline. Clients cycle through 4096 random addresses
 * (checked at setup to be allowed) so neither the branch predictor nor the cache sees one address.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar IpFilterBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class IpFilterBenchmark {
    private static final RequestHead HEAD = new RequestHead("GET", "/api/orders/4711",
            List.of(new HeaderField("Host", "shop.example"), new HeaderField("Accept", "application/json")));
    private static final int CLIENTS = 4096;

    @Param({"0", "10", "100000"})
    public int ranges;

    @Param({"v4", "v6"})
    public String family;

    private IpListFiles files;
    private List<Participant> participants;
    private InetAddress[] clients;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws UnknownHostException {
        Random rnd = new Random(20261202);
        List<CidrRange> deny = new ArrayList<>(ranges);
        for (int i = 0; i < ranges; i++) {
            deny.add(i % 2 == 0 ? CidrRange.parse(v4(rnd) + "/" + (16 + rnd.nextInt(17)))
                    : CidrRange.parse(v6(rnd) + "/" + (32 + rnd.nextInt(97))));
        }
        files = new IpListFiles();
        IpFilter filter = IpFilter.compile(ProtectionConfig.DEFAULT.withIpFilter(new IpFilterConfig("protection.ip_filter", List.of(),
                deny, List.of(), List.of())), RouteProtection.DEFAULT, files);
        participants = filter == null ? List.of() : List.of(filter);
        clients = new InetAddress[CLIENTS];
        for (int i = 0; i < CLIENTS; ) {
            InetAddress c = InetAddress.getByName(family.equals("v4") ? v4(rnd) : v6(rnd));
            if (!Transaction.open("setup", c, c, "-", HEAD, participants).requestHead().blocks()) {
                clients[i++] = c;
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        files.close();
    }

    @Benchmark
    public Outcome requestHead() {
        InetAddress client = clients[next++ & (CLIENTS - 1)];
        Transaction tx = Transaction.open("r", client, client, "shop.example/", HEAD, participants);
        Outcome o = tx.requestHead();
        tx.close(Disposition.answered(200));
        return o;
    }

    private static String v4(Random rnd) {
        int a = rnd.nextInt();
        return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    private static String v6(Random rnd) {
        StringBuilder sb = new StringBuilder(Integer.toHexString(0x2000 | rnd.nextInt(0x2000)));
        for (int i = 0; i < 7; i++) {
            sb.append(':').append(Integer.toHexString(rnd.nextInt(0x10000)));
        }
        return sb.toString();
    }
}
