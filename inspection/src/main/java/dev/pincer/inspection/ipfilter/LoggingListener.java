package dev.pincer.inspection.ipfilter;

import java.nio.file.Path;

/**
 * The default {@link IpListFiles.Listener}: one log line per reload (INFO) and per failure
 * (WARNING) on {@code System.Logger} {@code pincer.ipfilter}, e.g.
 * {@code IP list /etc/pincer/deny.txt not reloaded: line 12: 10.0.0.300 (expected: ...)}.
 */
final class LoggingListener implements IpListFiles.Listener {
    private static final System.Logger LOG = System.getLogger("pincer.ipfilter");

    @Override
    public void reloaded(Path file, int entries) {
        LOG.log(System.Logger.Level.INFO, "IP list {0} reloaded: {1} entries", file, entries);
    }

    @Override
    public void failed(Path file, String why) {
        LOG.log(System.Logger.Level.WARNING, "IP list {0} not reloaded: {1}", file, why);
    }
}
