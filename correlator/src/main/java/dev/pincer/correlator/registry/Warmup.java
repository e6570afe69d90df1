package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.CheckWork;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes every path a first check can take before any sensor connects, so that no verdict depends
 * on a cold path (class loading, first-time linking, interpreted code): for every kind an attack,
 * a benign call and a call that exhausts an analysis budget; for SQL also a stacked query and a
 * query read both ways (with and without backslash escapes) whose readings disagree, so the tie
 * break runs; every shell dialect; and the argument-only judges on an attack and a benign
 * argument, as for an incomplete request. Then the worst shapes at 64 KiB, with one input and with
 * a thousand, a few rounds each, so that the scanning and tokenizing loops are compiled by the
 * optimizing JIT before a real attacker's shape reaches them (bench/README.md: the first such
 * check took 15 ms of CPU interpreted, about 2 ms compiled). Run from {@code SinkGuard} at start and on a reload,
 * before the new analyzers are swapped in.
 *
 * <p>Example: {@code Warmup.run(Analyzers.create(cfg))} returns a {@link Report} whose
 * {@code outcomes()} include {@code sql:sqli}, {@code sql:allow}, {@code sql:analysis_limit} and
 * {@code sql:argument:sqli}.
 */
public final class Warmup {
    /** Enough rounds for the JIT to compile the hot methods of every path (C1 at ~1,500 calls). */
    static final int ROUNDS = 50;
    /**
     * Rounds of the {@link #LARGE} cases: each scans and tokenizes 64 KiB, so a few rounds take the
     * loops past the optimizing compiler's thresholds (tens of thousands of iterations).
     */
    static final int LARGE_ROUNDS = 4;
    /** The size of the large arguments: what an attacker's worst shape reaches within the budgets. */
    private static final int LARGE = 64 * 1024;
    /**
     * The large cases warm the JIT, which is the process's, not the analyzers': once per process is
     * enough, so a reload (new analyzers, same classes) runs only the small cases.
     */
    private static final AtomicBoolean LARGE_DONE = new AtomicBoolean();
    /** More occurrences of one input than any budget keeps, so the budget exit runs. */
    private static final int REPEAT = 80;

    private Warmup() {
    }

    /** What the warm-up saw: how often each {@code kind:outcome} occurred. */
    public record Report(Map<String, Integer> outcomes) {
        /** The outcomes seen, e.g. {@code sql:sqli}, {@code exec:analysis_limit}, {@code file:argument:allow}. */
        public Set<String> seen() {
            return outcomes.keySet();
        }
    }

    /** Runs the warm-up on {@code analyzers} and the argument-only judges; never throws. */
    public static Report run(Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        Map<String, Integer> out = new TreeMap<>();
        Map<SinkKind, ArgumentJudge> judges = Analyzers.argumentJudges();
        for (int i = 0; i < ROUNDS; i++) {
            for (Case c : CASES) {
                run(analyzers, judges, c, out);
            }
        }
        List<Case> large = LARGE_DONE.compareAndSet(false, true) ? large() : List.of();
        for (int i = 0; i < LARGE_ROUNDS && !large.isEmpty(); i++) {
            for (Case c : large) {
                run(analyzers, judges, c, out);
            }
        }
        return new Report(out);
    }

    private static void run(Map<SinkKind, List<SinkAnalyzer>> analyzers, Map<SinkKind, ArgumentJudge> judges, Case c,
                            Map<String, Integer> out) {
        try (CheckWork work = CheckWork.open()) { // as AnalyzerChain judges a check, so that path is hot too
            for (SinkAnalyzer a : analyzers.getOrDefault(c.kind, List.of())) {
                count(out, c.kind, "", analyze(a, c));
            }
            ArgumentJudge j = judges.get(c.kind);
            if (j != null && c.judgeArgument) {
                count(out, c.kind, "argument:", judge(j, c.call()));
            }
        }
    }

    /**
     * The worst shapes at {@link #LARGE} characters (long token runs, deep nesting, an input that
     * occurs thousands of times) for every kind, searched for one input and for a thousand: the
     * paths the slowest first checks take (bench/README.md, "Worst-case verdicts").
     */
    private static List<Case> large() {
        List<Case> out = new ArrayList<>();
        String[][] shapes = {
            {"'x',", "SELECT a FROM t WHERE b IN (", "'z')"},
            {"((", "SELECT ", "1"},
            {"; id", "echo ", ""},
            {"../", "/srv/", "etc/passwd"},
            {"a.", "http://", "example/"},
            {"(&", "(|", "(uid=*))"},
            {"' or '", "//u[n='", "']"},
        };
        for (String[] s : shapes) {
            String arg = s[1] + s[0].repeat(LARGE / s[0].length()) + s[2];
            RequestInputs one = Case.inputsOf(List.of(s[0]));
            RequestInputs many = Case.inputsOf(many(s[0]));
            for (SinkKind kind : SinkKind.values()) {
                String[] args = kind == SinkKind.EXEC ? new String[] {"sh", "-c", arg} : new String[] {arg, arg, "read"};
                out.add(new Case(kind, one, true, args));
                out.add(new Case(kind, many, true, args));
            }
        }
        return out;
    }

    private static List<String> many(String unit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(unit + i);
        }
        return out;
    }

    private static Finding analyze(SinkAnalyzer a, Case c) {
        try {
            return a.analyze(c.call(), c.inputs());
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static Finding judge(ArgumentJudge j, SinkCall call) {
        try {
            return j.judge(call);
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static void count(Map<String, Integer> out, SinkKind kind, String prefix, Finding f) {
        out.merge(kind.label() + ":" + prefix + (f == null ? "allow" : f.attackClass().label()), 1, Integer::sum);
    }

    /** One call: its kind, its inputs, the arguments, and whether the argument judge sees it too. */
    private record Case(SinkKind kind, RequestInputs inputs, Map<String, String> attrs, boolean judgeArgument,
                        String... args) {
        Case(SinkKind kind, String input, boolean judgeArgument, String... args) {
            this(kind, List.of(input), judgeArgument, args);
        }

        Case(SinkKind kind, List<String> input, boolean judgeArgument, String... args) {
            this(kind, inputsOf(input), Map.of("request.host", "app.example"), judgeArgument, args);
        }

        Case(SinkKind kind, RequestInputs inputs, boolean judgeArgument, String... args) {
            this(kind, inputs, Map.of("request.host", "app.example"), judgeArgument, args);
        }

        /** An exec call with the sensor's attributes (how it was made, its environment). */
        static Case exec(String input, Map<String, String> attrs, String... argv) {
            return with(SinkKind.EXEC, input, attrs, argv);
        }

        /** A call with the sensor's attributes (an exec's environment, a file's platform). */
        static Case with(SinkKind kind, String input, Map<String, String> attrs, String... args) {
            return new Case(kind, inputsOf(List.of(input)), attrs, true, args);
        }

        SinkCall call() {
            return new SinkCall("", kind, List.of(args), attrs, "");
        }

        private static RequestInputs inputsOf(List<String> values) {
            List<Input> in = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                in.add(Input.plain(InputSource.QUERY, "q" + i, values.get(i)));
            }
            return new RequestInputs(in, null, true);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(SinkKind.SQL, "x' OR '1'='1", true, "SELECT a FROM t WHERE b = 'x' OR '1'='1'"),
            new Case(SinkKind.SQL, "1; DROP TABLE t", true, "SELECT a FROM t WHERE id = 1; DROP TABLE t"),
            new Case(SinkKind.SQL, "\\' OR 1=1 -- ", true, "SELECT * FROM t WHERE a = 'x\\' OR 1=1 -- ' AND b = 'y'"),
            new Case(SinkKind.SQL, "C:\\", true, "SELECT * FROM f WHERE p = 'C:\\' AND q = 'x'"),
            new Case(SinkKind.SQL, "O'Brien", true, "SELECT a FROM t WHERE 1=1 AND n = 'O''Brien'"),
            new Case(SinkKind.SQL, "a,b", false, "SELECT a FROM t WHERE x IN (" + "'a,b',".repeat(REPEAT) + "'z')"),
            new Case(SinkKind.SQL, "id", true, "SELECT a FROM t WHERE id = id"),
            new Case(SinkKind.SQL, "alice", true, "SELECT a FROM t WHERE name = 'alice' ORDER BY id"),
            new Case(SinkKind.SQL, "x\\' OR 1=1 --", true,
                    "SELECT a FROM t WHERE b = E'x\\' OR 1=1 --' AND c = q'[y]' AND d = X'0A'"),
            new Case(SinkKind.SQL, "x' OR '1'='1", true, "{call p(x' OR '1'='1)}"),
            new Case(SinkKind.EXEC, "a;id", true, "sh", "-c", "echo a;id"),
            new Case(SinkKind.EXEC, "a&whoami", true, "cmd.exe", "/c", "echo a&whoami"),
            new Case(SinkKind.EXEC, "a;whoami", true, "powershell", "-Command", "echo a;whoami"),
            new Case(SinkKind.EXEC, "8.8.8.8", true, "ping", "-c", "1", "8.8.8.8"),
            new Case(SinkKind.EXEC, "ab", false, "sh", "-c", "echo" + " ab".repeat(REPEAT)),
            new Case(SinkKind.EXEC, "x*", true, "sh", "-c", "ls /srv/x*"),
            Case.exec("8.8.8.8 -f", Map.of("exec.form", "string", "exec.command", "ping -c 1 8.8.8.8 -f"),
                    "ping", "-c", "1", "8.8.8.8", "-f"),
            Case.exec("8.8.8.8", Map.of("exec.form", "string", "exec.command", "ping -c 1 8.8.8.8"),
                    "ping", "-c", "1", "8.8.8.8"),
            Case.exec("--output=/etc/x", Map.of(), "curl", "--output=/etc/x", "https://api.example/"),
            Case.exec("/tmp/evil.so", Map.of("env.LD_PRELOAD", "/tmp/evil.so"), "ls", "/srv"),
            Case.exec("alice", Map.of("env.USER_NAME", "alice"), "ls", "/srv"),
            new Case(SinkKind.FILE, "../etc/passwd", true, "/srv/../etc/passwd", "/etc/passwd", "read"),
            new Case(SinkKind.FILE, "a.pdf", true, "/srv/files/a.pdf", "/srv/files/a.pdf", "read"),
            new Case(SinkKind.FILE, "a.", false, "/srv/" + "a./".repeat(REPEAT), "/srv", "read"),
            Case.with(SinkKind.FILE, "..\\..\\win.ini", Map.of("fs", "unix", "api", "exists"),
                    "/srv/..\\..\\win.ini", "/srv/..\\..\\win.ini", "stat"),
            Case.with(SinkKind.FILE, "..\\..\\win.ini", Map.of("fs", "windows", "api", "exists"),
                    "C:\\srv\\..\\..\\win.ini", "C:\\win.ini", "stat"),
            new Case(SinkKind.URL, "http://127.0.0.1/", false, "http://127.0.0.1/"),
            new Case(SinkKind.URL, "v1", false, "https://api.example.com/v1"),
            new Case(SinkKind.URL, "ab", false, "https://api.example.com/" + "ab/".repeat(REPEAT)),
            new Case(SinkKind.REDIRECT, "//evil.example/", false, "//evil.example/"),
            new Case(SinkKind.REDIRECT, "/home", false, "/home"),
            new Case(SinkKind.REDIRECT, "ab", false, "https://evil.example/" + "ab/".repeat(REPEAT)),
            new Case(SinkKind.LDAP, "*)(uid=*", true, "(&(uid=*)(uid=*))(|(uid=*))", "dc=example"),
            new Case(SinkKind.LDAP, "bob", true, "(&(objectClass=person)(uid=bob))", "dc=example"),
            new Case(SinkKind.LDAP, "a,b", false, "(|" + "(cn=a,b)".repeat(REPEAT) + ")", "dc=example"),
            new Case(SinkKind.XPATH, "' or '1'='1", true, "//user[name='' or '1'='1']"),
            new Case(SinkKind.XPATH, "bob", true, "//user[name='bob']"),
            new Case(SinkKind.XPATH, "a-b", false, "//u[" + "n='a-b' or ".repeat(REPEAT) + "n='z']"),
            new Case(SinkKind.DESERIALIZE, "", false, "java.lang.String"),
            new Case(SinkKind.DESERIALIZE, "", false, "org.apache.commons.collections.functors.InvokerTransformer"),
            new Case(SinkKind.JNDI, "", false, "java:comp/env/jdbc/db"),
            new Case(SinkKind.JNDI, "ldap://evil.example/a", false, "ldap://evil.example/a"));
}
