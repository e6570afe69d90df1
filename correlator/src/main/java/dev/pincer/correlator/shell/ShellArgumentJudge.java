package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import java.util.Set;

/**
 * A command judged by its argv alone (see {@link ArgumentJudge}). Only a command that hands a
 * script to a shell ({@link ShellScript}: {@code sh -c}, {@code cmd /c}, {@code powershell -c}) is
 * judged: without one nothing re-parses the arguments. An app's fixed script may well hold
 * separators ({@code cd /app && make}), so what is flagged is what such a script does not: a
 * quote left open, {@code $IFS} used as a space, or a command that an injection runs and an app
 * does not ({@code id}, {@code whoami}, {@code curl}, {@code nc}, a second shell...) started after
 * a separator or in a substitution ({@code ;id}, {@code $(id)}, {@code `id`}, {@code & whoami}).
 * Linear in the script.
 *
 * <p>Example: {@code [sh, -c, "ping -c 1 8.8.8.8;id"]} gives "a separator or substitution runs id
 * (posix script)"; {@code [sh, -c, "cd /srv/app && ./build.sh"]} is left alone.
 */
public final class ShellArgumentJudge implements ArgumentJudge {
    /** Commands an injection runs to prove, explore or call home, and an app's fixed script does not. */
    static final Set<String> INJECTED = Set.of("id", "whoami", "uname", "hostname", "cat", "curl", "wget", "nc",
            "ncat", "netcat", "telnet", "nslookup", "dig", "ping", "sleep", "timeout", "sh", "bash", "dash", "zsh",
            "ksh", "python", "python3", "perl", "ruby", "php", "powershell", "pwsh", "certutil", "bitsadmin", "net",
            "systeminfo", "ipconfig", "ifconfig", "type", "env", "printenv", "set", "echo", "base64", "xxd", "chmod",
            "busybox", "socat", "ssh", "scp", "ftp", "tftp", "mshta", "rundll32", "regsvr32", "wmic", "cscript",
            "wscript", "iex", "invoke-expression", "invoke-webrequest", "start-process");

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
                if (INJECTED.contains(name)) {
                    return ArgumentJudge.finding(AttackClass.COMMAND_INJECTION,
                            "a separator or substitution runs " + name + dialect, name, s);
                }
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
