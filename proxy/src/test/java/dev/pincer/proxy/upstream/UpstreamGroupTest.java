package dev.pincer.proxy.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.HealthConfig;
import dev.pincer.config.HostPort;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link UpstreamGroup#order}: round-robin over healthy servers, ejected ones last. Servers are
 * ejected through the real path, a failed connect; the transport is Netty's in-JVM
 * {@link LocalChannel}, where connecting to an address nobody bound fails at once, so no socket
 * is opened.
 */
class UpstreamGroupTest {
    private static DefaultEventLoopGroup loops;
    private static ProxyMetrics metrics;

    @BeforeAll
    static void startLoops() {
        loops = new DefaultEventLoopGroup(1);
    }

    @AfterAll
    static void stopLoops() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void roundRobinRotatesTheStart() {
        UpstreamGroup g = group("127.0.0.1:1", "127.0.0.2:2", "127.0.0.3:3");
        assertEquals(List.of("127.0.0.1:1", "127.0.0.2:2", "127.0.0.3:3"), names(g.order()));
        assertEquals(List.of("127.0.0.2:2", "127.0.0.3:3", "127.0.0.1:1"), names(g.order()));
        assertEquals(List.of("127.0.0.3:3", "127.0.0.1:1", "127.0.0.2:2"), names(g.order()));
        assertEquals(List.of("127.0.0.1:1", "127.0.0.2:2", "127.0.0.3:3"), names(g.order()));
        g.close();
    }

    /** The only server of a group is never ejected, however often it fails. */
    @Test
    void singleServerIsNeverEjected() throws Exception {
        UpstreamGroup g = group("127.0.0.9:1");
        ServerPool only = g.order()[0];
        for (int i = 0; i < 5; i++) {
            failConnect(only);
        }
        assertTrue(only.available(System.nanoTime()));
        assertEquals(List.of("127.0.0.9:1"), names(g.order()));
        assertEquals(1, metrics.registry().getSampleValue("pincer_upstream_health_changes_total",
                new String[] {"upstream", "server", "to"}, new String[] {"app", "127.0.0.9:1", "kept_as_last"}),
                "reported once, not per failure");
        g.close();
    }

    @Test
    void ejectedServerGoesLast() throws Exception {
        UpstreamGroup g = group("127.0.0.1:1", "127.0.0.2:2", "127.0.0.3:3");
        ServerPool b = g.order()[1];
        assertEquals("127.0.0.2:2", b.name());
        eject(b);
        for (int i = 0; i < 6; i++) {
            ServerPool[] order = g.order();
            assertEquals("127.0.0.2:2", order[2].name(), "round " + i + ": " + names(order));
        }
        g.close();
    }

    @Test
    void healthyServersStillRotateAheadOfEjectedOnes() throws Exception {
        UpstreamGroup g = group("127.0.0.1:1", "127.0.0.2:2", "127.0.0.3:3", "127.0.0.4:4");
        ServerPool[] first = g.order();
        eject(first[1]);
        eject(first[3]);
        Set<String> heads = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            ServerPool[] order = g.order();
            assertEquals(Set.of("127.0.0.1:1", "127.0.0.3:3"), Set.of(order[0].name(), order[1].name()), names(order).toString());
            assertEquals(Set.of("127.0.0.2:2", "127.0.0.4:4"), Set.of(order[2].name(), order[3].name()), names(order).toString());
            heads.add(order[0].name());
        }
        assertEquals(Set.of("127.0.0.1:1", "127.0.0.3:3"), heads, "each healthy server gets to be first");
        g.close();
    }

    /** Never eject the last usable server: when all others are out, the last failing one stays in. */
    @Test
    void theLastUsableServerStaysInRotation() throws Exception {
        UpstreamGroup g = group("127.0.0.1:1", "127.0.0.2:2");
        ServerPool[] order = g.order();
        eject(order[0]);
        for (int i = 0; i < 3; i++) {
            failConnect(order[1]);
        }
        assertTrue(order[1].available(System.nanoTime()), "the last usable server is kept");
        assertEquals(Set.of("127.0.0.1:1", "127.0.0.2:2"), Arrays.stream(g.order()).map(ServerPool::name).collect(Collectors.toSet()));
        g.close();
    }

    /** The default health config ejects after 3 refused connects (within 10s), not after one. */
    private static void eject(ServerPool s) throws InterruptedException {
        failConnect(s);
        assertTrue(s.available(System.nanoTime()), "one failure does not eject");
        failConnect(s);
        failConnect(s);
        assertFalse(s.available(System.nanoTime()));
    }

    private static void failConnect(ServerPool s) throws InterruptedException {
        Future<UpstreamConnection> f = s.acquire(loops.next());
        f.await(5, TimeUnit.SECONDS);
        assertFalse(f.isSuccess());
        assertInstanceOf(ConnectException.class, f.cause());
    }

    private static UpstreamGroup group(String... servers) {
        List<HostPort> hps = Arrays.stream(servers)
                .map(s -> new HostPort(s.substring(0, s.indexOf(':')), Integer.parseInt(s.substring(s.indexOf(':') + 1))))
                .toList();
        UpstreamConfig config = new UpstreamConfig("app", hps, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 16, 4, HealthConfig.DEFAULT);
        metrics = new ProxyMetrics(false);
        return new UpstreamGroup(config, loops, LocalChannel.class, metrics);
    }

    private static List<String> names(ServerPool[] order) {
        return Arrays.stream(order).map(ServerPool::name).toList();
    }
}
