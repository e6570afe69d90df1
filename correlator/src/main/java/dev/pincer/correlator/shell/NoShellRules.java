package dev.pincer.correlator.shell;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;

/**
 * {@link CommandInjectionAnalyzer}'s rules (3) to (5): what an input changes with no shell at all.
 * Each searches the inputs once in its own text (the command string, the option-like argv elements
 * joined by NUL, the environment entries joined by NUL), adds the search to {@code searches} (whose
 * budgets the analyzer checks when no rule found anything), and returns the strongest break-out,
 * or null.
 *
 * <p>Example: {@code split} of {@code ping -c 1 8.8.8.8 -f} with input {@code 8.8.8.8 -f} names
 * that input: "input adds 1 argument to the command Runtime.exec(String) splits on blanks".
 */
final class NoShellRules {
    private static final Occurrences.Options OPTIONS = CommandInjectionAnalyzer.OPTIONS;
    /** Forms with a blank between other characters: the only ones that can span argv elements. */
    private static final Occurrences.Options SPACED = OPTIONS.withFilter(f -> f.strip().indexOf(' ') > 0);

    private NoShellRules() {
    }

    /** Rule (3): {@code Runtime.exec(String)}'s split. */
    static Judged split(SplitCommand split, RequestInputs inputs, List<Occurrences.Result> searches) {
        String command = split.command();
        Occurrences.Result found = Occurrences.find(command, inputs, OPTIONS);
        searches.add(found);
        if (found.hits().isEmpty()) {
            return null;
        }
        ParseBudget.require(command, "command string");
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            String reason = split.judge(h.start(), h.end());
            if (reason != null) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(),
                        Evidence.of("Runtime.exec(String)", h.text(command)), reason));
            }
        }
        return null;
    }

    /** Rule (4): an option the input starts, in an argv the app built. */
    static Judged options(SinkCall call, RequestInputs inputs, List<Occurrences.Result> searches) {
        ArgvForm.Candidates c = ArgvForm.Candidates.of(call.args());
        if (c.text().isEmpty()) {
            return null;
        }
        Occurrences.Result found = Occurrences.find(c.text(), inputs, OPTIONS);
        searches.add(found);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            int k = c.elementStartingAt(h.start());
            int nul = c.text().indexOf('\0', h.start());
            if (k > 0 && (nul < 0 || nul >= h.end())) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(),
                        Evidence.of(call.arg(k)), "input starts argument " + k + " with '-' (option injection)"));
            }
        }
        return null;
    }

    /**
     * Rule (4), the app's own split: an input that spans several elements of an argv the app built
     * ({@code input.split(" ")} into a {@code ProcessBuilder}): in the argv joined by blanks, the
     * occurrence has characters of the input on both sides of an element boundary. Only forms with a
     * blank inside are searched, so an input with a blank only at an end (trimmed by the app) never
     * counts.
     */
    static Judged spans(SinkCall call, RequestInputs inputs, List<Occurrences.Result> searches) {
        List<String> argv = call.args();
        if (argv.size() < 2) {
            return null;
        }
        String joined = String.join(" ", argv);
        Occurrences.Result found = Occurrences.find(joined, inputs, SPACED);
        searches.add(found);
        if (found.hits().isEmpty()) {
            return null;
        }
        int[] bounds = new int[argv.size() - 1];
        for (int i = 0, at = 0; i < bounds.length; i++) {
            at += argv.get(i).length();
            bounds[i] = at++;
        }
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            int first = java.util.Arrays.binarySearch(bounds, h.start() + 1);
            int crossed = 0;
            for (int i = first >= 0 ? first : -first - 1; i < bounds.length && bounds[i] + 1 < h.end(); i++) {
                crossed++;
            }
            if (crossed > 0) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(), Evidence.of(h.text(joined)),
                        "input spans " + (crossed + 1) + " argv elements: the app split it into arguments"
                                + " (argument injection)"));
            }
        }
        return null;
    }

    /** Rule (5): the environment. */
    static Judged environment(Environment env, RequestInputs inputs, List<Occurrences.Result> searches) {
        if (env.size() == 0) {
            return null;
        }
        Occurrences.Result found = Occurrences.find(env.text(), inputs, OPTIONS);
        searches.add(found);
        boolean[] valueHit = new boolean[env.size()];
        for (Hit h : found.hits()) {
            int k = env.entryAt(h.start());
            valueHit[k] |= h.end() > env.start(k) + env.name(k).length() + 1;
        }
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            int k = env.entryAt(h.start());
            String reason = EnvironmentJudge.judge(env, h, valueHit[k]);
            if (reason != null) {
                return new Judged(h, new Finding(AttackClass.COMMAND_INJECTION, h.input(),
                        Evidence.of(env.name(k), h.text(env.text())), reason));
            }
        }
        return null;
    }
}
