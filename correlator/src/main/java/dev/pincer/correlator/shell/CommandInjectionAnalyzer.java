package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.internal.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Locale;

/**
 * Command injection, two rules. (1) An input names the executable: it is all of {@code argv[0]},
 * all of its file name, or supplies a directory part ({@code /}, {@code \}) of it. (2) The command
 * runs a shell script ({@link ShellScript}: {@code sh -c}, {@code cmd /c}, {@code powershell -c})
 * and an input in the script is not confined to one word ({@link ScriptJudge}), lexed with the
 * shell's own quoting rules; the script's command words count as executables for rule (1) too.
 * An input confined to one argv element with no shell is not an injection. A URL path segment that
 * is only the bare name of the executable or command ({@code /tools/ping} running {@code ping}) is
 * the app's route, not a choice of program; it counts when it adds syntax or a directory. When
 * several inputs break out, the finding names the strongest ({@link Attribution}) across both rules.
 *
 * <p>Example: {@code [sh, -c, "ping -c 1 8.8.8.8;id"]} with input {@code host=8.8.8.8;id} is a
 * finding ("input adds shell syntax ';'"); {@code [ping, -c, 1, "8.8.8.8;id"]} is not.
 */
public final class CommandInjectionAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard();

    @Override
    public SinkKind kind() {
        return SinkKind.EXEC;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        if (call.args().isEmpty() || inputs.inputs().isEmpty()) {
            return null;
        }
        String arg0 = call.arg(0);
        int nameStart = Math.max(arg0.lastIndexOf('/'), arg0.lastIndexOf('\\')) + 1;
        Hit exe = null;
        Occurrences.Result inArg0 = Occurrences.find(arg0, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(inArg0.hits())) {
            if (namesExecutable(arg0, nameStart, h.start(), h.end(), routing(h))) {
                exe = h;
                break;
            }
        }
        Finding script = script(call, inputs, exe);
        if (script != null) {
            return script;
        }
        if (exe == null) {
            inArg0.requireComplete();
            return null;
        }
        return new Finding(AttackClass.COMMAND_INJECTION, exe.input(), Evidence.of(arg0),
                "input names the executable");
    }

    /** Rule (2): the script's strongest break-out, if it is stronger than {@code exe} (the rule (1) hit). */
    private static Finding script(SinkCall call, RequestInputs inputs, Hit exe) {
        ShellScript shell = ShellScript.of(call.args());
        if (shell == null) {
            return null;
        }
        Occurrences.Result found = Occurrences.find(shell.script(), inputs, OPTIONS);
        if (!found.hits().isEmpty()) {
            ParseBudget.require(shell.script(), "shell script");
            Finding f = judge(shell, found.hits(), exe);
            if (f != null || exe != null) {
                return f;
            }
        }
        if (exe == null) {
            found.requireComplete();
        }
        return null;
    }

    private static Finding judge(ShellScript shell, List<Hit> hits, Hit exe) {
        ScriptMap map = switch (shell.dialect()) {
            case POSIX -> PosixLexer.lex(shell.script());
            case CMD -> CmdLexer.lex(shell.script());
            case POWERSHELL -> PowerShellLexer.lex(shell.script());
        };
        String dialect = shell.dialect().name().toLowerCase(Locale.ROOT);
        for (Hit h : Attribution.strongestFirst(hits)) {
            if (!Attribution.stronger(h, exe)) {
                return null;
            }
            String reason = ScriptJudge.judge(map, h.start(), h.end(), !routing(h));
            if (reason != null) {
                return new Finding(AttackClass.COMMAND_INJECTION, h.input(),
                        Evidence.of(dialect, h.text(shell.script())), reason + " (" + dialect + " script)");
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
