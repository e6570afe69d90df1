package dev.pincer.proxy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pincer} command line: {@code run}, {@code check-config}, {@code echo}, {@code healthcheck}. */
@Command(name = "pincer", mixinStandardHelpOptions = true, version = "pincer 0.1.0",
        description = "A reverse-proxy WAF that works with an in-app sensor.",
        subcommands = {RunCommand.class, DemoCommand.class, BaselineCommand.class, CheckConfigCommand.class, FtwCommand.class,
            EchoCommand.class, HealthcheckCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests drive it directly. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pincer: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, demo, baseline, check-config, ftw, echo");
    }
}
