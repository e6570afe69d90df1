package dev.pincer.proxy.cli;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.ConfigProblem;
import dev.pincer.config.ConfigWarnings;
import dev.pincer.config.PincerConfig;
import dev.pincer.inspection.rules.RuleSets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Validates a config file: {@code config OK} and exit 0, or one line per problem and exit 1. A
 * valid file can still earn warnings ({@link ConfigWarnings}): one line each on stderr, such as
 * {@code warning: pincer.yaml:4: trusted_proxies[0]: 0.0.0.0/0 (trusts ...)}, and still exit 0.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validate a config file without running it.",
            "Exits 1 with one line per problem; a valid file exits 0, after a 'warning:' line for each"
                + " setting that weakens protection (the running proxy logs the same at start)."})
final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    @Override
    public Integer call() {
        PincerConfig config;
        try {
            config = ConfigLoader.load(file);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 1;
        }
        try {
            RuleSets.compile(config.protection().rules()); // everything a load checks, without the warm-up
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        for (ConfigWarnings.Warning w : ConfigWarnings.check(config, ConfigWarnings.edgeRules(config))) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        spec.commandLine().getOut().println("config OK");
        return 0;
    }
}
