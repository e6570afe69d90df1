package dev.pincer.correlator.shell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The script a command line hands to a shell, if it does: {@code sh|bash|dash|zsh|ksh|ash -c SCRIPT}
 * (also after {@code env}, {@code busybox}, {@code nohup}, and with combined flags like {@code -lc}),
 * {@code cmd /c REST...} and {@code powershell|pwsh -Command REST...} (or {@code -EncodedCommand
 * BASE64}). Without one of these forms nothing re-parses the arguments, and an input confined to
 * one argument cannot add syntax.
 *
 * <p>Example: {@code [/bin/bash, -lc, "ls /tmp; id"]} gives {@code ShellScript(POSIX, "ls /tmp; id")}.
 *
 * @param dialect which quoting rules parse the script
 * @param script  the script text (for cmd and PowerShell: the remaining arguments joined by spaces)
 */
record ShellScript(Dialect dialect, String script) {
    enum Dialect { POSIX, CMD, POWERSHELL }

    private static final Set<String> POSIX = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash");
    private static final Set<String> WRAPPERS = Set.of("env", "busybox", "nohup", "nice", "exec", "command");
    /** An encoded PowerShell command larger than this is not decoded (argv is bounded by the frame anyway). */
    private static final int MAX_ENCODED = 256 * 1024;

    /** The script {@code argv} runs through a shell, or null. */
    static ShellScript of(List<String> argv) {
        int i = 0;
        while (i < argv.size() && WRAPPERS.contains(program(argv.get(i)))) {
            i++;
            while (i < argv.size() && (argv.get(i).startsWith("-") || isAssignment(argv.get(i)))) {
                i++;
            }
        }
        if (i >= argv.size()) {
            return null;
        }
        String p = program(argv.get(i));
        if (POSIX.contains(p)) {
            return posix(argv, i + 1);
        }
        if (p.equals("cmd")) {
            return cmd(argv, i + 1);
        }
        if (p.equals("powershell") || p.equals("pwsh")) {
            return powershell(argv, i + 1);
        }
        return null;
    }

    /** {@code NAME=value}, as {@code env} takes it. */
    static boolean isAssignment(String s) {
        int i = 0;
        while (i < s.length() && i <= 64 && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_'
                || (i > 0 && Character.isDigit(s.charAt(i))))) {
            i++;
        }
        return i > 0 && i < s.length() && s.charAt(i) == '=';
    }

    /** The lower-case basename without {@code .exe}: {@code C:\Windows\System32\CMD.EXE} is {@code cmd}. */
    static String program(String arg0) {
        int slash = Math.max(arg0.lastIndexOf('/'), arg0.lastIndexOf('\\'));
        String base = arg0.substring(slash + 1).toLowerCase(Locale.ROOT).strip();
        return base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
    }

    /** POSIX: {@code sh [-opts] -c [-opts] SCRIPT [name [args...]]}. */
    private static ShellScript posix(List<String> argv, int from) {
        boolean sawC = false;
        for (int i = from; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                return sawC && i + 1 < argv.size() ? new ShellScript(Dialect.POSIX, argv.get(i + 1)) : null;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                if (!a.startsWith("--") && a.indexOf('c') > 0) {
                    sawC = true;
                }
                if (a.equals("-o") || a.equals("+o")) {
                    i++;
                }
                continue;
            }
            return sawC ? new ShellScript(Dialect.POSIX, a) : null;
        }
        return null;
    }

    /** cmd: everything after {@code /c} or {@code /k} is one command line. */
    private static ShellScript cmd(List<String> argv, int from) {
        for (int i = from; i < argv.size(); i++) {
            String a = argv.get(i).toLowerCase(Locale.ROOT);
            if (a.startsWith("/c") || a.startsWith("/k")) {
                String rest = argv.get(i).substring(2);
                List<String> tail = argv.subList(i + 1, argv.size());
                String script = rest.isEmpty() ? String.join(" ", tail) : rest + (tail.isEmpty() ? "" : " " + String.join(" ", tail));
                return new ShellScript(Dialect.CMD, script);
            }
        }
        return null;
    }

    /** PowerShell: {@code -Command} (any prefix of it, or {@code /c}) or {@code -EncodedCommand}. */
    private static ShellScript powershell(List<String> argv, int from) {
        for (int i = from; i < argv.size() - 1; i++) {
            String a = argv.get(i).toLowerCase(Locale.ROOT);
            if (a.length() >= 2 && ("-command".startsWith(a) || a.equals("/c") || a.equals("/command"))) {
                return new ShellScript(Dialect.POWERSHELL, String.join(" ", argv.subList(i + 1, argv.size())));
            }
            if (a.length() >= 2 && (a.equals("-e") || a.equals("-ec") || "-encodedcommand".startsWith(a) && a.length() >= 4)) {
                String decoded = decodeUtf16(argv.get(i + 1));
                return decoded == null ? null : new ShellScript(Dialect.POWERSHELL, decoded);
            }
        }
        return null;
    }

    private static String decodeUtf16(String b64) {
        if (b64.length() > MAX_ENCODED) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_16LE);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
