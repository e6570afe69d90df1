package dev.pincer.inspection.ipfilter;

import dev.pincer.config.IpListFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * One list file and the list it held when last read cleanly. The watcher thread calls
 * {@link #poll()}; request threads call {@link #match} and see the current list through one
 * volatile read. A change is read once the file has stayed unchanged (modification time, size,
 * file key) for one poll, so a file being written is not read half way; a file that does not
 * parse, or is gone, leaves the previous list in force and is reported once per state.
 *
 * <p>Example: {@code /etc/pincer/deny.txt} gains a line; within two polls {@link #match} finds it,
 * named {@code /etc/pincer/deny.txt:13}.
 */
final class WatchedFile implements IpSource {
    /** A file's list and the line each entry came from (the entry text is not kept: 4 bytes an entry, not 100). */
    private record Snapshot(IpBlocks blocks, int[] lines) {
    }

    private record State(Instant modified, long size, Object key) {
    }

    private final Path path;
    private final IpListFiles.Listener listener;
    private volatile Snapshot current;
    private State loaded; // the state current was read from; watcher thread only (after construction)
    private State pending; // a changed state seen at the last poll, read when it holds at the next
    private State reported; // the last state a failure was reported for

    /** Reads the file now; throws when it cannot be read or has a bad line. */
    WatchedFile(Path path, IpListFiles.Listener listener) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.listener = listener;
        State s = state();
        IpListFile.Parsed p = IpListFile.read(path);
        if (!p.ok()) {
            IpListFile.BadLine b = p.bad().get(0);
            throw new IOException(path + ":" + b.line() + ": " + b.text() + " (expected: " + b.reason() + ")");
        }
        current = snapshot(p);
        loaded = s;
    }

    @Override
    public String match(byte[] address) {
        Snapshot s = current;
        int i = s.blocks.find(address);
        return i < 0 ? null : path + ":" + s.lines[i];
    }

    Path path() {
        return path;
    }

    IpBlocks blocks() {
        return current.blocks;
    }

    /** Checks the file once; reads it when a change has settled. Never throws. */
    void poll() {
        State now;
        try {
            now = state();
        } catch (NoSuchFileException e) {
            fail(new State(null, -1, null), "the file is gone; the previous list stays in force");
            return;
        } catch (IOException | RuntimeException e) {
            fail(new State(null, -2, null), e.toString());
            return;
        }
        if (now.equals(loaded)) {
            pending = null;
            return;
        }
        if (!now.equals(pending)) {
            pending = now; // changed since the last poll: let it settle
            return;
        }
        read(now);
    }

    private void read(State settled) {
        try {
            IpListFile.Parsed p = IpListFile.read(path);
            if (!state().equals(settled)) {
                pending = null; // changed while being read: start over
                return;
            }
            if (!p.ok()) {
                IpListFile.BadLine b = p.bad().get(0);
                fail(settled, "line " + b.line() + ": " + b.text() + " (expected: " + b.reason() + "); "
                        + p.badCount() + " bad line(s); the previous list stays in force");
                return;
            }
            current = snapshot(p);
            loaded = settled;
            pending = null;
            reported = null;
            listener.reloaded(path, p.ranges().size());
        } catch (IOException | RuntimeException e) {
            fail(settled, e + "; the previous list stays in force");
        }
    }

    private void fail(State state, String why) {
        if (state.equals(reported)) {
            return;
        }
        reported = state;
        listener.failed(path, why);
    }

    private State state() throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new State(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
    }

    private static Snapshot snapshot(IpListFile.Parsed p) {
        return new Snapshot(IpBlocks.of(p.ranges()), p.lines());
    }
}
