package dev.pincer.proxy.cli;

import dev.pincer.correlator.drift.BaselineBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Records the executables of an image, for {@code correlator.exec: baseline}: run it at image
 * build time, after the last package is installed, and ship the file with the proxy's config.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Hash the executables on PATH (and in DIRs) into a baseline file for exec drift prevention.")
final class BaselineCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The baseline file to write.")
    Path out;

    @Option(names = "--no-path", description = "Do not walk the directories on PATH, only the given DIRs.")
    boolean noPath;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "More directories to walk (e.g. /app/bin).")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> walk = new ArrayList<>(noPath ? List.of() : BaselineBuilder.defaultDirs());
        walk.addAll(dirs);
        PrintWriter err = spec.commandLine().getErr();
        if (walk.isEmpty()) {
            err.println("pincer baseline: nothing to walk (PATH is empty and no DIR was given)");
            return 1;
        }
        BaselineBuilder.Result r = new BaselineBuilder().build(walk);
        r.baseline().write(out);
        for (String s : r.skipped()) {
            err.println("skipped " + s);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("baseline: " + r.baseline().entries().size() + " executables from " + walk.size()
                + " directories written to " + out);
        o.flush();
        return 0;
    }
}
