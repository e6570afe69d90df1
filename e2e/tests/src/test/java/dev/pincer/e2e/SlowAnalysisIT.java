package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.e2e.bypass.Bypasses;
import dev.pincer.e2e.bypass.Shot;
import dev.pincer.e2e.bypass.ShotRunner;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.RawHttp;
import dev.pincer.e2e.harness.RawHttp.Response;
import dev.pincer.e2e.harness.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Analysis that an attacker makes slow never fails open while the correlator is reachable:
 * <ul>
 *   <li>stacked injections shaped to make the full SQL parser slow are 403 (by analysis or by the
 *       analysis-limit policy) with the table still there, while benign traffic sent alongside
 *       gets its normal answers;</li>
 *   <li>with the correlator kept busy on purpose (concurrent requests carrying the same shapes),
 *       every attack sent meanwhile is 403 and its sink does not run;</li>
 *   <li>200 concurrent clients (the demo's Tomcat sized to 256 threads), attacks and benign
 *       mixed: every attack 403, every benign request 200 with its normal answer.</li>
 * </ul>
 * In each, no event says fail_open or late and the sensor logs no fail-open. Every loop is bounded
 * in count and time.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Container.class)
class SlowAnalysisIT {
    private static final Summary SUMMARY = new Summary("issue 7: slow analysis, a busy correlator, 200 clients");
    private static final Http HTTP = new Http();
    private static final int CLIENTS = 200;
    private static final long WAIT_SECONDS = 90;
    private static PincerStack stack;
    private static ShotRunner runner;
    private static Container current;

    @Parameter
    Container container;

    @BeforeParameterizedClassInvocation
    static void start(Container c) throws Exception {
        current = c;
        stack = PincerStack.start(c, HTTP, "", Map.of("DEMO_MAX_THREADS", "256"));
        runner = new ShotRunner(HTTP, stack.app.base(), stack.events);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            stack = null;
            SUMMARY.print(current);
        }
    }

    @Test
    void slowSecondOpinionsAreBlockedWhileBenignTrafficPasses() throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread benign = new Thread(() -> {
            for (int i = 0; i < 400 && !done.get(); i++) {
                Benign b = Benign.values()[i % Benign.values().length];
                Response r = RawHttp.exchange(stack.proxy, RawHttp.request("GET", b.target));
                if (r.status() != 200 || !r.body().contains(b.answer)) {
                    problems.add("benign " + b.target + " <- " + r);
                }
            }
        }, "benign-alongside");
        benign.start();
        try {
            for (Shot s : Bypasses.slowSql()) {
                ShotRunner.Outcome o = runner.fire(stack.proxy, s);
                List<String> p = runner.problems(s, o);
                SUMMARY.count(container, "slow sql", "blocked", p.isEmpty(), s.name() + ": " + p + " <- " + o.response());
                p.forEach(x -> problems.add(s.name() + ": " + x + " <- " + o.response()));
            }
        } finally {
            done.set(true);
            benign.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        problems.addAll(failOpen());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aBusyCorrelatorStillBlocksEveryAttack() throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Shot> load = Bypasses.slowSql().subList(0, 1); // nested CASE x5: the slowest legal shape sent a lot
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch loaded = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                try {
                    for (int i = 0; i < 4 && !done.get(); i++) {
                        Response r = RawHttp.exchange(stack.proxy, load.get(0).request());
                        if (r.status() != 403) {
                            problems.add("load request answered " + r);
                        }
                        if (i == 0) {
                            loaded.countDown();
                        }
                    }
                } catch (RuntimeException e) {
                    problems.add("load request failed: " + e);
                }
            });
        }
        try {
            Bypasses b = new Bypasses(stack.markers);
            List<Shot> attacks = new ArrayList<>();
            attacks.addAll(b.sniffing().subList(0, 4));
            attacks.addAll(ColdStartIT.firstChecks(stack.markers));
            attacks.addAll(b.pathSegments().subList(0, 3));
            for (int round = 0; round < 2; round++) {
                for (Shot s : attacks) {
                    // the attack is not the only request: correlator work is queued in front of it
                    ShotRunner.Outcome o = runner.fire(stack.proxy, s);
                    List<String> p = runner.problems(s, o);
                    SUMMARY.count(container, "busy correlator", "blocked", p.isEmpty(), s.name() + ": " + p + " <- " + o.response());
                    p.forEach(x -> problems.add(s.name() + ": " + x + " <- " + o.response()));
                }
            }
        } finally {
            done.set(true);
            pool.shutdown();
            pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        if (runner.rows() != 4) {
            problems.add("a load request's DROP TABLE ran");
        }
        problems.addAll(failOpen());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void twoHundredClientsAtOnceAttacksBlockedBenignServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> blockedIds = Collections.synchronizedList(new ArrayList<>());
        List<Path> markers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Path marker = stack.markers.resolve("c200-" + i);
            markers.add(marker);
            int n = i;
            pool.execute(() -> {
                try {
                    go.await();
                    for (int k = 0; k < 2; k++) {
                        if ((n + k) % 2 == 0) {
                            attack(n, marker, problems, blockedIds);
                        } else {
                            Benign b = Benign.values()[n % Benign.values().length];
                            Response r = RawHttp.exchange(stack.proxy, RawHttp.request("GET", b.target));
                            if (r.status() != 200 || !r.body().contains(b.answer)) {
                                problems.add("benign " + b.target + " <- " + r);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    problems.add("client " + n + " failed: " + e);
                }
            });
        }
        long outsideReads = runner.counters().outsideReads();
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "200 clients did not finish in " + WAIT_SECONDS + "s");
        for (Path m : markers) {
            if (Files.exists(m)) {
                problems.add("a command injection ran: " + m);
                Files.delete(m);
            }
        }
        long read = runner.counters().outsideReads() - outsideReads;
        if (read > 0) {
            problems.add(read + " traversal(s) opened a file outside the base");
        }
        if (runner.rows() != 4) {
            problems.add("a DELETE of every row ran");
            HTTP.get(stack.app.base(), "/reset");
        }
        for (String id : blockedIds) {
            boolean block = stack.events.forRequest(id, 2000).stream().anyMatch(e -> "block".equals(e.get("action")));
            if (!block) {
                problems.add("no block event for the 403 of request " + id);
            }
        }
        problems.addAll(failOpen());
        SUMMARY.count(container, "200 clients", "held", problems.isEmpty(), String.join("; ", problems.subList(0,
                Math.min(5, problems.size()))));
        assertEquals(List.of(), problems);
    }

    private static void attack(int n, Path marker, List<String> problems, List<String> blockedIds) {
        String target = switch (n % 3) {
            case 0 -> "/vuln/exec?host=" + Http.encode("127.0.0.1; touch " + marker);
            case 1 -> "/vuln/sql/delete?name=" + Http.encode("x' OR '1'='1");
            default -> "/vuln/file?name=" + Http.encode("../secret.txt");
        };
        Response r = RawHttp.exchange(stack.proxy, RawHttp.request("GET", target));
        if (r.status() != 403) {
            problems.add("attack " + target + " <- " + r);
        } else if (r.header("X-Request-Id") != null) {
            blockedIds.add(r.header("X-Request-Id"));
        }
        if (r.body().contains(ShotRunner.SECRET)) {
            problems.add("a traversal read the secret: " + target);
        }
    }

    /** Fail-open anywhere: in the security log, or on the sensor's stderr. */
    private static List<String> failOpen() {
        List<String> out = new ArrayList<>();
        ShotRunner.failOpenEvents(stack.events).forEach(e -> out.add("fail-open event: " + e));
        ShotRunner.sensorFailOpenLines(stack.app.stderr()).forEach(l -> out.add("sensor fail-open: " + l));
        return out.size() > 20 ? new ArrayList<>(out.subList(0, 20)) : out;
    }

    /** Benign requests and a piece of their normal answer. */
    private enum Benign {
        HELLO("/hello", "hello from the pincer demo"),
        SQL("/vuln/sql/escaped?name=" + Http.encode("o'brien (alice)"), "rows=0"),
        ALICE("/vuln/sql?name=alice", "rows="),
        EXEC("/vuln/exec?host=127.0.0.1", "exit=0"),
        FILE("/vuln/file?name=readme.txt", "public readme");

        final String target;
        final String answer;

        Benign(String target, String answer) {
            this.target = target;
            this.answer = answer;
        }
    }
}
