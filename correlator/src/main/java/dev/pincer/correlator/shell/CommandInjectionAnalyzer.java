package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command injection, five rules. (1) An input names the executable: it is all of {@code argv[0]},
 * all of its file name, or supplies a directory part ({@code /}, {@code \}) of it. (2) The command
 * runs a shell script ({@link ShellScript}: {@code sh -c}, {@code cmd /c}, {@code powershell -c})
 * and an input in the script is not confined to one word ({@link ScriptJudge}), lexed with the
 * shell's own quoting rules; the script's command words count as executables for rule (1) too.
 * (3) The app called {@code Runtime.exec(String)} ({@link ArgvForm}) and an input adds argv
 * elements to its blank split, or starts one with {@code -} ({@link SplitCommand}). (4) The app
 * built the argv itself and an input starts an element a program reads as an option
 * ({@link Options}: not a lone {@code -}, not a negative number, not after a {@code --}), or spans
 * several elements (the app split it). (5) An
 * input chooses an environment variable or the value of one that changes what runs
 * ({@link EnvironmentJudge}). An input confined to one argv element with no shell, not starting it
 * with {@code -}, is not an injection. A URL path segment that is only the bare name of the
 * executable or command ({@code /tools/ping} running {@code ping}) is the app's route, not a choice
 * of program; it counts when it adds syntax or a directory. When several inputs break out, the
 * finding names the strongest ({@link Attribution}) across the rules.
 *
 * <p>Example: {@code [sh, -c, "ping -c 1 8.8.8.8;id"]} with input {@code host=8.8.8.8;id} is a
 * finding ("input adds shell syntax ';'"); {@code [ping, -c, 1, "8.8.8.8;id"]} is not, and
 * {@code [ping, -c, 1, "-oX"]} with input {@code -oX} is ("input starts argument 3 with '-'").
 */
public final class CommandInjectionAnalyzer implements SinkAnalyzer {
    static final Occurrences.Options OPTIONS = Occurrences.Options.standard();
    /** The budget a call whose environment the sensor cut is decided by. */
    static final String ENVIRONMENT_BUDGET = "exec_environment";

    @Override
    public SinkKind kind() {
        return SinkKind.EXEC;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        if (call.args().isEmpty() || inputs.inputs().isEmpty()) {
            return null;
        }
        List<Occurrences.Result> searches = new ArrayList<>(4);
        Judged best = executable(call, inputs, searches);
        best = stronger(best, script(call, inputs, searches));
        SplitCommand split = ArgvForm.split(call);
        best = stronger(best, split != null ? NoShellRules.split(split, inputs, searches)
                : stronger(NoShellRules.options(call, inputs, searches), NoShellRules.spans(call, inputs, searches)));
        Environment env = Environment.of(call);
        best = stronger(best, NoShellRules.environment(env, inputs, searches));
        if (best != null) {
            return best.finding();
        }
        for (Occurrences.Result r : searches) {
            r.requireComplete();
        }
        if (env.truncated() > 0) {
            throw new AnalysisLimitException(ENVIRONMENT_BUDGET, "the sensor cut or left out " + env.truncated()
                    + " environment entries, which cannot be searched for inputs");
        }
        return null;
    }

    private static Judged stronger(Judged a, Judged b) {
        if (b == null) {
            return a;
        }
        return a == null || Attribution.stronger(b.hit(), a.hit()) ? b : a;
    }

    /** Rule (1). */
    private static Judged executable(SinkCall call, RequestInputs inputs, List<Occurrences.Result> searches) {
        String arg0 = call.arg(0);
        int nameStart = Math.max(arg0.lastIndexOf('/'), arg0.lastIndexOf('\\')) + 1;
        Occurrences.Result found = Occurrences.find(arg0, inputs, OPTIONS);
        searches.add(found);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            if (namesExecutable(arg0, nameStart, h.start(), h.end(), routing(h))) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(), Evidence.of(arg0),
                        "input names the executable"));
            }
        }
        return null;
    }

    /** Rule (2): the script's strongest break-out. */
    private static Judged script(SinkCall call, RequestInputs inputs, List<Occurrences.Result> searches) {
        ShellScript shell = ShellScript.of(call.args());
        if (shell == null) {
            return null;
        }
        Occurrences.Result found = Occurrences.find(shell.script(), inputs, OPTIONS);
        searches.add(found);
        if (found.hits().isEmpty()) {
            return null;
        }
        ParseBudget.require(shell.script(), "shell script");
        ScriptMap map = switch (shell.dialect()) {
            case POSIX -> PosixLexer.lex(shell.script());
            case CMD -> CmdLexer.lex(shell.script());
            case POWERSHELL -> PowerShellLexer.lex(shell.script());
        };
        String dialect = shell.dialect().name().toLowerCase(Locale.ROOT);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            String reason = ScriptJudge.judge(map, h.start(), h.end(), !routing(h),
                    shell.dialect() == ShellScript.Dialect.POSIX);
            if (reason != null) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(),
                        Evidence.of(dialect, h.text(shell.script())), reason + " (" + dialect + " script)"));
            }
        }
        return null;
    }

    /**
     * All of argv[0], all of its file name, or a part that contains a path separator; only the last
     * for a {@code routing} input, whose bare word may just be the route named after the tool.
     */
    static boolean namesExecutable(String arg0, int nameStart, int s, int e, boolean routing) {
        if (!routing && s <= nameStart && e >= arg0.length()) {
            return true;
        }
        for (int i = s; i < e; i++) {
            char c = arg0.charAt(i);
            if (c == '/' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** A URL path segment: {@code /tools/ping} names the tool the app runs, it does not choose it. */
    private static boolean routing(Hit h) {
        return h.input().source() == InputSource.PATH;
    }
}
