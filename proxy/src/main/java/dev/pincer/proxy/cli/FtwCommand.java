package dev.pincer.proxy.cli;

import dev.pincer.proxy.ftw.Ftw;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pincer ftw --crs DIR}: the CRS regression suite through the real proxy (see
 * {@link Ftw}). Prints the pass rate overall and per rule file, writes the failures to the report
 * file, and exits 1 when the rate is below {@code --floor}.
 */
@Command(name = "ftw", mixinStandardHelpOptions = true,
        description = {"Run the CRS regression suite (go-ftw YAML) through Pincer, against a built-in albedo backend.",
            "Each stage is sent byte-exact; it passes when its expect_ids logged, no no_expect_ids did,"
                + " its status and match_regex checks hold."})
final class FtwCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--crs", required = true, paramLabel = "DIR",
            description = "A CRS tree: crs-setup.conf(.example), rules/, and tests/regression/tests.")
    Path crs;

    @Option(names = "--tests", paramLabel = "DIR", description = "The go-ftw tests (default: DIR/tests/regression/tests).")
    Path tests;

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "A go-ftw overrides file (rule_id, test_ids, reason, output); default: Pincer's own for CRS v4.28.")
    Path overrides;

    @Option(names = "--no-overrides", description = "Run every test as written.")
    boolean noOverrides;

    @Option(names = "--only", paramLabel = "PREFIX", description = "Only test files whose name starts with this (942, 942100).")
    String only;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "ftw-report.txt",
            description = "Where the summary and every failure go (default ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--floor", paramLabel = "RATE", defaultValue = "0",
            description = "Exit 1 when the pass rate (0-1) is below this (default ${DEFAULT-VALUE}).")
    double floor;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "3000",
            description = "How long one stage's answer may take, in ms (default ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ftw.Result r;
        try {
            r = Ftw.run(new Ftw.Settings(crs, tests, overrides, noOverrides, only, timeoutMillis), report);
        } catch (IllegalArgumentException e) {
            err.println("pincer ftw: " + e.getMessage());
            return 2;
        }
        out.print(r.summary());
        out.println("failures: " + r.failures().size() + ", written to " + report);
        out.flush();
        if (r.rate() < floor) {
            err.printf("pincer ftw: pass rate %.4f is below the floor %.4f%n", r.rate(), floor);
            return 1;
        }
        return 0;
    }
}
