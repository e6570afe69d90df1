package dev.pincer.correlator.path;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;

/**
 * A file path judged by itself (see {@link ArgumentJudge}): a NUL byte, or {@code ..} segments
 * that climb above where the path started. A path an app builds from fixed parts may step up
 * within itself ({@code /srv/app/conf/../logs}) or start relative to its working directory
 * ({@code ../conf/app.yml}); it does not name directories and then climb back over all of them
 * ({@code /srv/files/../../etc/passwd} reaches the root), nor climb three or more levels above a
 * relative start ({@code ../../../etc/passwd}). Both {@code /} and {@code \} separate segments.
 * One pass over the path.
 *
 * <p>Example: {@code /var/www/uploads/../../../etc/passwd} gives "'..' segments climb above the
 * path's start"; {@code /srv/app/data/../logs/today.log} is left alone.
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
        boolean absolute = !p.isEmpty() && (PathWalk.isSep(p.charAt(0)) || PathWalk.hasDrive(p));
        int depth = 0;
        boolean named = false;
        int i = PathWalk.hasDrive(p) ? 2 : 0;
        while (i <= p.length()) {
            int j = i;
            while (j < p.length() && !PathWalk.isSep(p.charAt(j))) {
                j++;
            }
            boolean up = j - i == 2 && p.charAt(i) == '.' && p.charAt(i + 1) == '.';
            boolean stay = j == i || (j - i == 1 && p.charAt(i) == '.');
            if (up) {
                depth--;
                if (named && depth < (absolute ? 1 : 0) || !absolute && depth < -MAX_RELATIVE_CLIMB) {
                    return ArgumentJudge.finding(AttackClass.PATH_TRAVERSAL, "'..' segments climb above the path's start", p);
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
