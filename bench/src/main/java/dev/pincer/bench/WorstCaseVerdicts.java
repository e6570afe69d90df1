package dev.pincer.bench;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.registry.Warmup;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.AnalyzerChain;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The slowest verdict: every sink kind's full analyzer chain (the registry's analyzers, and the
 * argument-only judge, since the inputs are marked incomplete) on worst-case shapes an attacker
 * can send within the limits (a 1 MiB frame: deep nesting, many tokens, long literals, an input
 * that occurs thousands of times, a long input, a thousand inputs), after the correlator's own
 * warm-up. Each case runs {@value #WARM} times unmeasured, then {@value #MEASURED} times; it prints
 * the median and the maximum wall time and the maximum thread CPU time per case (on a shared
 * machine the CPU time is the figure: wall time there includes time the thread waited for a
 * core), and the overall maxima, which bench/README.md records.
 * The same shapes are the unit fuzz test's ({@code AnalyzerFuzzTest}), which asserts the budgets.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.pincer.bench.WorstCaseVerdicts        # all cases
 * java -cp bench/target/benchmarks.jar dev.pincer.bench.WorstCaseVerdicts 1      # worst 1 per kind only
 * }</pre>
 */
public final class WorstCaseVerdicts {
    private static final int WARM = 5;
    private static final int MEASURED = 15;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private WorstCaseVerdicts() {
    }

    record Shape(String name, String arg, String unit) {
    }

    static List<Shape> shapes() {
        return List.of(
                new Shape("deep parentheses", "(".repeat(100_000) + "x" + ")".repeat(100_000), "(("),
                new Shape("many tokens", "a,".repeat(200_000), "a,"),
                new Shape("long literal", "'" + "x".repeat(500_000) + "'", "xx"),
                new Shape("one input 100k times", "ab".repeat(100_000), "ab"),
                new Shape("breakouts 50k times", "';".repeat(50_000), "';"),
                new Shape("nested substitutions", "$(".repeat(50_000) + "id" + ")".repeat(50_000), "$("),
                new Shape("nested LDAP filters", "(&".repeat(50_000) + "(uid=*)" + ")".repeat(50_000), "(&"),
                new Shape("climbing path", "/srv/" + "../".repeat(100_000) + "etc/passwd", "../"),
                new Shape("long host", "http://" + "a.".repeat(100_000) + "example/", "a."),
                new Shape("stacked statements", "SELECT 1;".repeat(50_000), "1;"),
                new Shape("tautology chain", "SELECT * FROM t WHERE " + "a=1 OR 1=1 ".repeat(50_000), "OR 1=1"),
                new Shape("backslashes and quotes", "'\\'".repeat(100_000), "\\'"),
                new Shape("xpath or chain", "//u[" + "n='' or '1'='1' ".repeat(30_000) + "]", "' or '"),
                new Shape("1 MiB bulk insert", "INSERT INTO t VALUES " + "(1,'abc'),".repeat(100_000) + "(2,'x')", "'abc'"));
    }

    public static void main(String[] args) {
        CorrelatorConfig cfg = new CorrelatorConfig(CorrelatorConfig.DEFAULT_LISTEN, "0123456789abcdef0123",
                CorrelatorConfig.DEFAULT_VERDICT_TIMEOUT, 8, 1 << 20, 64,
                CorrelatorConfig.DEFAULT_CONTEXT_TTL, 1000, List.of(), ExecPolicy.ALLOW, null);
        var analyzers = Analyzers.create(cfg, null);
        Warmup.run(analyzers);
        Counter errors = Counter.build("e", "e").labelNames("kind").register(new CollectorRegistry(true));
        Counter limits = Counter.build("l", "l").labelNames("kind").register(new CollectorRegistry(true));
        AnalyzerChain chain = new AnalyzerChain(analyzers, Analyzers.argumentJudges(), errors, limits);
        long worst = 0;
        long worstCpu = 0;
        String worstCase = "";
        String worstCpuCase = "";
        System.out.printf("%-28s %-12s %-10s %10s %10s %10s  %s%n", "shape", "kind", "inputs", "p50 us", "max us",
                "cpu max us", "outcome");
        for (Shape s : shapes()) {
            for (Map.Entry<String, RequestInputs> in : inputSets(s).entrySet()) {
                for (SinkKind kind : SinkKind.values()) {
                    List<String> argv = kind == SinkKind.EXEC ? List.of("sh", "-c", s.arg()) : List.of(s.arg(), s.arg(), "read");
                    SinkCall call = new SinkCall("ctx", kind, argv, Map.of("request.host", "app.example"), "");
                    long[] times = new long[MEASURED];
                    long cpuMax = 0;
                    Finding f = null;
                    for (int i = 0; i < WARM + MEASURED; i++) {
                        long c0 = CPU.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        f = chain.analyze(call, in.getValue());
                        long dt = System.nanoTime() - t0;
                        long dc = CPU.getCurrentThreadCpuTime() - c0;
                        if (i >= WARM) {
                            times[i - WARM] = dt;
                            cpuMax = Math.max(cpuMax, dc);
                        }
                    }
                    Arrays.sort(times);
                    long max = times[MEASURED - 1];
                    String name = s.name() + " / " + kind.label() + " / " + in.getKey();
                    System.out.printf("%-28s %-12s %-10s %10.0f %10.0f %10.0f  %s%n", s.name(), kind.label(), in.getKey(),
                            times[MEASURED / 2] / 1e3, max / 1e3, cpuMax / 1e3, f == null ? "allow" : f.attackClass().label());
                    if (max > worst) {
                        worst = max;
                        worstCase = name;
                    }
                    if (cpuMax > worstCpu) {
                        worstCpu = cpuMax;
                        worstCpuCase = name;
                    }
                }
            }
        }
        System.out.printf("%nslowest verdict, wall: %.2f ms (%s)%n", worst / 1e6, worstCase);
        System.out.printf("slowest verdict, thread CPU: %.2f ms (%s)%n", worstCpu / 1e6, worstCpuCase);
        System.out.printf("load average at the end: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static Map<String, RequestInputs> inputSets(Shape s) {
        List<Input> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(Input.plain(InputSource.FORM, "p" + i, s.unit() + i));
        }
        String slice = s.arg().substring(0, Math.min(s.arg().length(), 64 * 1024));
        return Map.of("unit", one(s.unit()), "64k slice", one(slice), "1000", new RequestInputs(many, null, true));
    }

    private static RequestInputs one(String v) {
        return new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", v)), null, true);
    }
}
