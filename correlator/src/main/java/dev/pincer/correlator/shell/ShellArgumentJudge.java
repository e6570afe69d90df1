package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;

/**
 * A command judged by its argv alone (see {@link ArgumentJudge}), for a request whose inputs were
 * cut: what the cut input could have been is unknown, so shell syntax that injected input
 * typically adds blocks. Only a command that hands a script to a shell ({@link ShellScript}:
 * {@code sh -c}, {@code cmd /c}, {@code powershell -c}) is judged: without one nothing re-parses
 * the arguments. Flagged: a quote left open, {@code $IFS} used as a space, and a second command
 * started by a separator or a substitution ({@code ;}, {@code |}, {@code &&}, {@code ||}, {@code &},
 * a newline, {@code $(...)}, backticks). The trade-off, stated in docs/correlation.md: an app whose
 * own fixed script chains commands ({@code cd /app && make}) is blocked on an incomplete request of
 * a {@code suspect} route. Linear in the script.
 *
 * <p>Example: {@code [sh, -c, "echo pinging 127.0.0.1; touch /tmp/x"]} gives "a separator or
 * substitution starts a second command, touch (posix script)"; {@code [sh, -c, "ping -c 1
 * 8.8.8.8"]} is left alone.
 */
public final class ShellArgumentJudge implements ArgumentJudge {
    @Override
    public SinkKind kind() {
        return SinkKind.EXEC;
    }

    @Override
    public Finding judge(SinkCall call) {
        ShellScript shell = ShellScript.of(call.args());
        if (shell == null) {
            return null;
        }
        String s = shell.script();
        ParseBudget.require(s, "shell script");
        ScriptMap m = switch (shell.dialect()) {
            case POSIX -> PosixLexer.lex(s);
            case CMD -> CmdLexer.lex(s);
            case POWERSHELL -> PowerShellLexer.lex(s);
        };
        String dialect = " (" + shell.dialect().name().toLowerCase(java.util.Locale.ROOT) + " script)";
        if (m.unterminatedAt >= 0) {
            return ArgumentJudge.finding(AttackClass.COMMAND_INJECTION, "a quote is left open" + dialect, s);
        }
        if (shell.dialect() == ShellScript.Dialect.POSIX && (s.contains("$IFS") || s.contains("${IFS"))) {
            return ArgumentJudge.finding(AttackClass.COMMAND_INJECTION, "$IFS used as a space" + dialect, s);
        }
        boolean first = true;
        for (int w = 0; w < m.words(); w++) {
            if (!m.command(w) || m.literalStart(w) < 0) {
                continue;
            }
            if (!first) {
                String name = ShellScript.program(bare(s.substring(m.literalStart(w), m.literalEnd(w))));
                return ArgumentJudge.finding(AttackClass.COMMAND_INJECTION,
                        "a separator or substitution starts a second command, " + name + dialect, name, s);
            }
            first = false;
        }
        return null;
    }

    /** The word without the substitution syntax around it: {@code `id`} and {@code $(id} are {@code id}. */
    private static String bare(String word) {
        int a = 0;
        int b = word.length();
        while (a < b && "`$({".indexOf(word.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && "`)}".indexOf(word.charAt(b - 1)) >= 0) {
            b--;
        }
        return word.substring(a, b);
    }
}
