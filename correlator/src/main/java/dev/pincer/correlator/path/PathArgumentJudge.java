package dev.pincer.correlator.path;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;

/**
 * A file path judged by itself (see {@link ArgumentJudge}), for a request whose inputs were cut: a
 * NUL byte, or a {@code ..} segment that escapes a directory the path named
 * ({@code /srv/files/public/../secret.txt}, {@code uploads/../../secret.txt}). That is the syntax a
 * traversal adds to a path an app builds as base + input. A relative path that starts by climbing
 * from the working directory ({@code ../conf/app.yml}, {@code ../../shared/x}) is an app's layout
 * and is left alone up to {@link #MAX_RELATIVE_CLIMB} levels; three or more levels
 * ({@code ../../../etc/passwd}) are not. The trade-off, stated in docs/correlation.md: an app that
 * itself builds {@code /srv/app/data/../logs} is blocked on an incomplete request of a
 * {@code suspect} route. Segments are read as the sensor's platform reads them ({@link PathPlatform}:
 * {@code \} separates only on Windows; both readings when the platform is not known). One pass over
 * the path per reading.
 *
 * <p>Example: {@code /var/www/uploads/../../../etc/passwd} gives "a '..' segment escapes a
 * directory the path named"; {@code /srv/app/data/./logs/today.log} is left alone.
 */
public final class PathArgumentJudge implements ArgumentJudge {
    /** How far above its start a relative path may climb: {@code ../../x} is a layout, not an attack. */
    static final int MAX_RELATIVE_CLIMB = 2;

    @Override
    public SinkKind kind() {
        return SinkKind.FILE;
    }

    @Override
    public Finding judge(SinkCall call) {
        String p = call.arg(0);
        ParseBudget.require(p, "path");
        if (p.indexOf('\0') >= 0) {
            return ArgumentJudge.finding(AttackClass.PATH_TRAVERSAL, "the path holds a NUL byte", p);
        }
        for (PathPlatform platform : PathPlatform.readings(call)) {
            Finding f = judge(p, platform);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Finding judge(String p, PathPlatform platform) {
        boolean absolute = platform.isAbsolute(p);
        int depth = 0;
        boolean named = false;
        int i = platform.hasDrive(p) ? 2 : 0;
        while (i <= p.length()) {
            int j = i;
            while (j < p.length() && !platform.isSep(p.charAt(j))) {
                j++;
            }
            boolean up = j - i == 2 && p.charAt(i) == '.' && p.charAt(i + 1) == '.';
            boolean stay = j == i || (j - i == 1 && p.charAt(i) == '.');
            if (up) {
                depth--;
                if (named) {
                    return ArgumentJudge.finding(AttackClass.PATH_TRAVERSAL,
                            "a '..' segment escapes a directory the path named", p);
                }
                if (!absolute && depth < -MAX_RELATIVE_CLIMB) {
                    return ArgumentJudge.finding(AttackClass.PATH_TRAVERSAL,
                            "'..' segments climb more than " + MAX_RELATIVE_CLIMB + " levels above the start", p);
                }
            } else if (!stay) {
                depth++;
                named = true;
            }
            i = j + 1;
        }
        return null;
    }
}
