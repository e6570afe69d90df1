package dev.pincer.e2e.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-container, per-class tallies of a suite, printed at its end so a failing run reads at a
 * glance: which class, how many of its cases, and the first failures with their responses.
 */
public final class Summary {
    private final String title;
    private final Map<String, Map<String, int[]>> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    public Summary(String title) {
        this.title = title;
    }

    /** Counts one case of {@code column} ("attacks blocked", "safe passed", ...) for a class. */
    public synchronized void count(Container container, String attackClass, String column, boolean ok, String failure) {
        int[] c = counts.computeIfAbsent(container + " | " + attackClass, k -> new TreeMap<>())
                .computeIfAbsent(column, k -> new int[2]);
        c[1]++;
        if (ok) {
            c[0]++;
        } else if (failure != null) {
            failures.add(container + " | " + failure);
        }
    }

    /** The rows and failures of one container. */
    public synchronized String render(Container container) {
        String prefix = container + " | ";
        StringBuilder sb = new StringBuilder("\n===== ").append(title).append(": ").append(container).append(" =====\n");
        for (Map.Entry<String, Map<String, int[]>> row : counts.entrySet()) {
            if (!row.getKey().startsWith(prefix)) {
                continue;
            }
            sb.append(String.format("%-20s", row.getKey().substring(prefix.length())));
            for (Map.Entry<String, int[]> col : row.getValue().entrySet()) {
                int[] c = col.getValue();
                sb.append(String.format("  %s %d/%d%s", col.getKey(), c[0], c[1], c[0] == c[1] ? "" : " <<"));
            }
            sb.append('\n');
        }
        List<String> mine = failures.stream().filter(f -> f.startsWith(prefix)).toList();
        if (!mine.isEmpty()) {
            sb.append("failures (").append(mine.size()).append(", first 60):\n");
            mine.stream().limit(60).forEach(f -> sb.append("  ").append(f.substring(prefix.length())).append('\n'));
        }
        return sb.toString();
    }

    public void print(Container container) {
        System.out.println(render(container));
    }
}
