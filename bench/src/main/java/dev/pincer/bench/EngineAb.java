package dev.pincer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares the rule engine of two or more builds in one JVM, batch for batch: each
 * {@code benchmarks.jar} is loaded in a class loader of its own, builds its CRS engine
 * ({@link CrsInspectionBenchmark#runner}), and the builds take turns running a batch of the same
 * sample, measured in the thread's CPU time. On a shared or throttled machine, whose speed moves
 * by tens of percent from one minute to the next, separate JMH runs cannot tell a 10% change
 * from the noise; batches that alternate see the same machine, so their ratio can. Prints the
 * minimum and the median per request of each build and the medians' ratio to the first.
 *
 * <pre>
 * git worktree add /tmp/before HEAD~3 &amp;&amp; (cd /tmp/before &amp;&amp; ./mvnw -B -q -pl bench -am package -DskipTests)
 * java -Dpincer.crs.dir=../shared/crs -cp bench/target/benchmarks.jar dev.pincer.bench.EngineAb \
 *   /tmp/before/bench/target/benchmarks.jar,bench/target/benchmarks.jar get,form,json 15
 * </pre>
 * Both builds must have {@code CrsInspectionBenchmark.runner} (this class's commit or later).
 */
public final class EngineAb {

    private EngineAb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineAb JAR,JAR[,...] SAMPLE[,SAMPLE...] [ROUNDS]");
            System.exit(2);
        }
        String[] jars = args[0].split(",");
        String[] samples = args[1].split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Runnable[]> runs = new ArrayList<>();
        for (String jar : jars) {
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such jar: " + jar);
            }
            ClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Method runner = loader.loadClass(CrsInspectionBenchmark.class.getName()).getDeclaredMethod("runner", String.class);
            runner.setAccessible(true);
            Runnable[] bySample = new Runnable[samples.length];
            for (int s = 0; s < samples.length; s++) {
                bySample[s] = (Runnable) runner.invoke(null, samples[s]);
            }
            runs.add(bySample);
        }
        for (int s = 0; s < samples.length; s++) {
            int batch = samples[s].equals("get") ? 1000 : 150;
            double[][] micros = new double[jars.length][rounds];
            for (int round = -3; round < rounds; round++) {  // three unmeasured rounds: JIT
                for (int j = 0; j < jars.length; j++) {
                    Runnable r = runs.get(j)[s];
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < batch; i++) {
                        r.run();
                    }
                    if (round >= 0) {
                        micros[j][round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / batch;
                    }
                }
            }
            StringBuilder line = new StringBuilder(samples[s]).append(':');
            double first = 0;
            for (int j = 0; j < jars.length; j++) {
                double[] sorted = micros[j].clone();
                Arrays.sort(sorted);
                double median = sorted[rounds / 2];
                first = j == 0 ? median : first;
                line.append(String.format(Locale.ROOT, "  [%d] min %.0f median %.0f us (%.2fx)", j, sorted[0], median, median / first));
            }
            System.out.println(line);
        }
    }
}
