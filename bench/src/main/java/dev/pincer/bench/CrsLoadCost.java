package dev.pincer.bench;

import dev.pincer.inspection.seclang.SecLangEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What loading the OWASP CRS v4.28 costs: the time to parse and compile it (first load in a fresh
 * JVM, and the median of five later loads, as a reload sees it) and the heap the compiled rule set
 * keeps (used heap after a full GC with it held, minus before). Issue 10's targets: under 3 s and at
 * most 64 MiB. Then the work budget each benchmark sample and a 64 KiB form spend.
 *
 * <pre>
 * $JAVA_HOME/bin/java -Dpincer.crs.dir=../shared/crs -cp bench/target/benchmarks.jar dev.pincer.bench.CrsLoadCost
 * </pre>
 */
public final class CrsLoadCost {
    private CrsLoadCost() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = used(memory);
        long t0 = System.nanoTime();
        SecLangEngine first = CrsInspectionBenchmark.load(CrsInspectionBenchmark.crsDir());
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        long held = used(memory) - before;
        long[] later = new long[5];
        for (int i = 0; i < later.length; i++) {
            long t = System.nanoTime();
            CrsInspectionBenchmark.load(CrsInspectionBenchmark.crsDir());
            later[i] = (System.nanoTime() - t) / 1_000_000;
        }
        java.util.Arrays.sort(later);
        System.out.printf("CRS v4.28: %d rules; first load %d ms, later loads (median of 5) %d ms; heap held %.1f MiB%n",
                first.rules().size(), firstMillis, later[2], held / 1048576.0);
        for (String sample : new String[] {"get", "form", "json", "multipart"}) {
            System.out.printf("work (chars tested by operators) for %s: %,d%n", sample,
                    work(first, CrsInspectionBenchmark.request(sample)));
        }
        System.out.printf("work for a 64 KiB form: %,d%n", work(first, CrsInspectionBenchmark.form64k()));
    }

    private static long work(SecLangEngine engine, dev.pincer.inspection.seclang.variables.HttpData request) {
        dev.pincer.inspection.seclang.RuleTransaction t = engine.open(request);
        t.requestHeaders();
        t.requestBody();
        return t.work();
    }

    private static long used(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
