package dev.pincer.bench;

import dev.pincer.sensor.Sensor;
import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.context.ContextHeader;
import java.io.File;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the in-app sensor adds to a sink call that needs no verdict: the decision path the inlined
 * advice runs, through the same static entry points ({@link Bridge#sql}, {@link Bridge#fileOpen},
 * {@link Bridge#fileCall}, {@link Bridge#url}, then {@link Bridge#leave}), with the real dispatcher
 * installed.
 *
 * <ul>
 *   <li>{@code *NoContext}: the thread serves no request (or one whose header did not verify).</li>
 *   <li>{@code *ContextHint0}: the request has a verified context whose hint is 0: the proxy saw no
 *       input worth checking, so no round trip.</li>
 *   <li>{@code requestEntryAndExit}: the servlet entry and exit advice with a real header (HMAC
 *       verification), paid once per request, not per sink call.</li>
 *   <li>{@code requestEntryAndExitWithRequest}: the same, keeping the request object as the servlet
 *       advice now does for the app's own view (protocol v2 INPUTS), which is read only when a
 *       CHECK goes to the correlator.</li>
 *   <li>{@code parameterRead}: what the exit advice of {@code getParameter*} adds to each call.</li>
 *   <li>{@code baseline}: the harness alone.</li>
 * </ul>
 * The sensor runs without a correlator connection; none of these paths would use it.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar SensorSinkBenchmark -f 1 -wi 3 -i 5
 * </pre>
 * Add {@code -prof gc} to see that the no-input paths allocate nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SensorSinkBenchmark {
    static final String TOKEN = "benchmark-token-0123456789abcdef";
    static final String QUERY = "SELECT id, name, email FROM users WHERE id = ?";
    static final File FILE = new File("/var/lib/app/reports/2026-11.csv");
    static final String HEADER = new ContextHeader(TOKEN).header("0123456789abcdef0123456789abcdef", 0,
            4_102_444_800L);

    /** The sensor, installed in the bridge for the whole run. */
    @State(Scope.Benchmark)
    public static class Installed {
        Sensor sensor;

        @Setup(Level.Trial)
        public void start() {
            sensor = Sensor.start("token=" + TOKEN + ",log=off", false);
        }

        @TearDown(Level.Trial)
        public void stop() {
            sensor.stop();
        }
    }

    /** The benchmark thread serves no request. */
    @State(Scope.Thread)
    public static class NoContext {
        @Setup(Level.Trial)
        public void enter(Installed installed) {
            while (Bridge.state().depth > 0) {
                Bridge.requestExit();
            }
        }
    }

    /** The benchmark thread serves a request with a verified context and hint 0. */
    @State(Scope.Thread)
    public static class ContextHint0 {
        @Setup(Level.Trial)
        public void enter(Installed installed) {
            Bridge.requestEnter(HEADER, "shop.example");
            if (Bridge.state().ctx == null) {
                throw new IllegalStateException("the benchmark header did not verify");
            }
        }

        @TearDown(Level.Trial)
        public void exit() {
            Bridge.requestExit();
        }
    }

    @Benchmark
    public int baseline(NoContext s) {
        return QUERY.length();
    }

    @Benchmark
    public int sqlNoContext(NoContext s) {
        int token = Bridge.sql(QUERY, "executeQuery");
        Bridge.leave(token);
        return token;
    }

    @Benchmark
    public int sqlContextHint0(ContextHint0 s) {
        int token = Bridge.sql(QUERY, "executeQuery");
        Bridge.leave(token);
        return token;
    }

    @Benchmark
    public int fileNoContext(NoContext s) {
        Bridge.fileOpen(FILE, false, "FileInputStream");
        return 0;
    }

    @Benchmark
    public int fileContextHint0(ContextHint0 s) {
        Bridge.fileOpen(FILE, false, "FileInputStream");
        return 0;
    }

    /** {@code File.exists}, {@code File.delete}, every {@code Files} call: the method advice's entry and exit. */
    @Benchmark
    public int fileCallNoContext(NoContext s) {
        int token = Bridge.fileCall(FILE, null, "exists");
        Bridge.leave(token);
        return token;
    }

    @Benchmark
    public int fileCallContextHint0(ContextHint0 s) {
        int token = Bridge.fileCall(FILE, null, "exists");
        Bridge.leave(token);
        return token;
    }

    @Benchmark
    public int urlContextHint0(ContextHint0 s) {
        int token = Bridge.url(FILE, "openConnection");
        Bridge.leave(token);
        return token;
    }

    /** Stands in for the container's request object: the entry advice only keeps a reference. */
    static final Object REQUEST = new Object();

    @Benchmark
    public String requestEntryAndExitWithRequest(Installed s) {
        Bridge.requestEnter(HEADER, "shop.example", REQUEST);
        String ctx = Bridge.state().ctx;
        Bridge.requestExit();
        return ctx;
    }

    @Benchmark
    public boolean parameterRead(ContextHint0 s) {
        Bridge.parametersRead();
        return Bridge.state().parametersRead;
    }

    @Benchmark
    public String requestEntryAndExit(Installed s) {
        Bridge.requestEnter(HEADER, "shop.example");
        String ctx = Bridge.state().ctx;
        Bridge.requestExit();
        return ctx;
    }
}
