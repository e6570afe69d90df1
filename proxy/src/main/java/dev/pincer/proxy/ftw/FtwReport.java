package dev.pincer.proxy.ftw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's result by test (a test passes when all its stages pass): the pass rate overall and
 * per rule file, the overrides used, and every failure with why. Tests an override excludes count
 * as not passed, so the rate never gains from an exclusion.
 */
final class FtwReport {

    private record Key(String file, int testId) {
    }

    private final int total;
    private final int passed;
    private final int excluded;
    private final int overridden;
    private final Map<String, int[]> perGroup = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> stale;

    FtwReport(List<FtwRunner.StageOutcome> outcomes, List<String> staleOverrides) {
        this.stale = List.copyOf(staleOverrides);
        Map<Key, List<FtwRunner.StageOutcome>> tests = new LinkedHashMap<>();
        for (FtwRunner.StageOutcome o : outcomes) {
            tests.computeIfAbsent(new Key(o.stage().file(), o.stage().testId()), k -> new ArrayList<>()).add(o);
        }
        int p = 0;
        int x = 0;
        int ov = 0;
        for (List<FtwRunner.StageOutcome> stages : tests.values()) {
            FtwRunner.StageOutcome first = stages.get(0);
            int[] g = perGroup.computeIfAbsent(first.stage().group(), k -> new int[2]);
            g[1]++;
            if (first.override() != null) {
                ov++;
            }
            if (first.excluded()) {
                x++;
                continue;
            }
            boolean ok = true;
            for (FtwRunner.StageOutcome s : stages) {
                if (!s.passed()) {
                    ok = false;
                    failures.add(s.stage().name() + " (" + s.stage().file() + "): " + s.failure() + "; fired " + s.fired());
                }
            }
            if (ok) {
                p++;
                g[0]++;
            }
        }
        this.total = tests.size();
        this.passed = p;
        this.excluded = x;
        this.overridden = ov;
    }

    int total() {
        return total;
    }

    int passed() {
        return passed;
    }

    int overridden() {
        return overridden;
    }

    double rate() {
        return total == 0 ? 0 : (double) passed / total;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("go-ftw suite through the proxy: %d of %d tests passed (%.2f%%); %d with an override"
                + " (%d excluded), %d failed%n", passed, total, rate() * 100, overridden, excluded,
                total - passed - excluded));
        perGroup.forEach((g, c) -> b.append(String.format("  %-50s %4d / %4d%n", g, c[0], c[1])));
        if (!stale.isEmpty()) {
            b.append("overrides for tests the suite does not have (stale): ").append(stale).append('\n');
        }
        return b.toString();
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, summary() + "\nfailures:\n" + String.join("\n", failures) + "\n");
    }
}
