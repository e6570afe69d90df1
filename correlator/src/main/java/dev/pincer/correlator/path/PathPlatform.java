package dev.pincer.correlator.path;

import dev.pincer.correlator.sink.SinkCall;
import java.util.List;
import java.util.Locale;

/**
 * How a platform reads a path: which characters separate segments, and what makes a path
 * absolute. On Unix only {@code /} separates and a backslash is a file-name character, so
 * {@code ..\..\win.ini} is one odd name there; on Windows both {@code /} and {@code \} separate, and
 * {@code C:} and {@code \\server\share} start absolute paths. The sensor names its platform in the
 * file CHECK's {@code fs} attr ({@code unix} or {@code windows}); without it (an older sensor, a
 * value this version does not know) the path is judged both ways, and a traversal under either
 * reading is a finding: fail safe ({@link #readings}).
 *
 * <p>Example: {@code readings(call with fs=unix)} is {@code [UNIX]}; with no {@code fs},
 * {@code [UNIX, WINDOWS]}.
 */
enum PathPlatform {
    UNIX,
    WINDOWS;

    private static final List<PathPlatform> UNIX_ONLY = List.of(UNIX);
    private static final List<PathPlatform> WINDOWS_ONLY = List.of(WINDOWS);
    private static final List<PathPlatform> BOTH = List.of(UNIX, WINDOWS);

    /** The readings to judge a call's path under: its platform, or both when it is not known. */
    static List<PathPlatform> readings(SinkCall call) {
        String fs = call.attr("fs");
        if (fs == null) {
            return BOTH;
        }
        switch (fs.toLowerCase(Locale.ROOT)) {
            case "unix":
                return UNIX_ONLY;
            case "windows":
                return WINDOWS_ONLY;
            default:
                return BOTH;
        }
    }

    boolean isSep(char c) {
        return c == '/' || (this == WINDOWS && c == '\\');
    }

    /** {@code C:} at the start: a drive on Windows, an ordinary name on Unix. */
    boolean hasDrive(String p) {
        return this == WINDOWS && PathWalk.hasDrive(p);
    }

    /** Starts at a root: {@code /x}; on Windows also {@code \x}, {@code \\server}, {@code C:}. */
    boolean isAbsolute(String p) {
        return !p.isEmpty() && (isSep(p.charAt(0)) || hasDrive(p));
    }
}
