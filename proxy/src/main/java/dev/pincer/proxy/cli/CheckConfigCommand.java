package dev.pincer.proxy.cli;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.ConfigProblem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates a config file: {@code config OK} and exit 0, or one line per problem and exit 1. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a config file without running it.")
final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    @Override
    public Integer call() {
        try {
            ConfigLoader.load(file);
            spec.commandLine().getOut().println("config OK");
            return 0;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 1;
        }
    }
}
