package dev.pincer.correlator.path;

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
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Locale;

/**
 * Path traversal: an input in the path as given ({@code args[0]}) that (1) contains a NUL byte,
 * (2) is or starts an absolute path at the start of the given path ({@code /etc/passwd},
 * {@code C:\}, {@code C:/}, {@code \\server\share}, {@code file:}) and supplies all of its
 * directories (so a header {@code /home} that happens to prefix {@code /home/app/data} is not),
 * or (3) contributes {@code ..} segments that climb above the directory the path had reached
 * before the input ({@link PathWalk}). Separators, drives and UNC roots are read as the sensor's
 * platform reads them (attr {@code fs}, {@link PathPlatform}): on Unix {@code ..\..\win.ini} is a
 * file name, on Windows a traversal; with no platform named, both readings are judged and either
 * one's traversal is a finding. The mode ({@code args[2]}: read, write, delete, list, stat, or a
 * mode this version does not know) does not change the verdict: a stat or a listing of a traversal
 * leaks what is outside as surely as a read. Inputs are also matched decoded once more, as the app and
 * {@code java.io.File} pass them on ({@link AppPathForm}: NUL characters dropped, runs of separators
 * collapsed, trailing ones removed, so {@code ..//secret.txt} is found as the {@code ../secret.txt}
 * of {@code new File(base, name)}), and after a naive {@code ../} strip (so {@code ....//} is seen as
 * the {@code ../} it becomes). Empty segments never hide a {@code ..}. When several inputs climb
 * out, the finding names the one with the longest occurrence ({@link Attribution}).
 *
 * <p>Example: {@code [/srv/files/../../etc/passwd, /etc/passwd, read]} with input
 * {@code name=../../etc/passwd} is a finding; {@code /srv/files/a/../b.pdf} with {@code a/../b.pdf}
 * is not.
 */
public final class PathTraversalAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withFilter(PathTraversalAnalyzer::mayTraverse)
            .withExtraForms(List.of(AppPathForm::of, f -> f.replace("../", ""), f -> f.replace("..\\", "")));

    @Override
    public SinkKind kind() {
        return SinkKind.FILE;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String given = call.arg(0);
        List<PathPlatform> readings = PathPlatform.readings(call);
        PathWalk[] walks = new PathWalk[readings.size()];
        Occurrences.Result found = Occurrences.find(given, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            for (int r = 0; r < walks.length; r++) {
                PathPlatform platform = readings.get(r);
                if (walks[r] == null) {
                    ParseBudget.require(given, "path");
                    walks[r] = new PathWalk(given, platform);
                }
                String reason = judge(given, walks[r], platform, h.start(), h.end());
                if (reason != null) {
                    if (walks.length > 1 && platform == PathPlatform.WINDOWS) {
                        reason += " (read as a Windows path: the sensor did not name its platform)";
                    }
                    return new Finding(AttackClass.PATH_TRAVERSAL, h.input(),
                            Evidence.of(h.text(given), given, call.arg(1)), reason);
                }
            }
        }
        found.requireComplete();
        return null;
    }

    static String judge(String given, PathWalk walk, PathPlatform platform, int s, int e) {
        for (int i = s; i < e; i++) {
            if (given.charAt(i) == '\0') {
                return "input adds a NUL byte to the path";
            }
        }
        int lead = walk.lead();
        if (s <= lead && lead < e && absolute(given.substring(lead, Math.min(e, lead + 8)), platform)
                && e > walk.lastSeparator()) {
            return "input makes the path absolute";
        }
        if (walk.climbsAbove(s, e)) {
            return "input's '..' segments climb above the directory before it";
        }
        return null;
    }

    /**
     * {@code /x}, {@code file:}, and on Windows {@code \x}, {@code C:}: where the path starts is the
     * input's choice.
     */
    static boolean absolute(String p, PathPlatform platform) {
        return platform.isAbsolute(p) || p.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    private static boolean mayTraverse(String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == '.' || c == '/' || c == '\\' || c == ':' || c == '\0') {
                return true;
            }
        }
        return false;
    }
}
