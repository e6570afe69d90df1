package dev.pincer.inspection.ipfilter;

import dev.pincer.config.IpFilterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IP list files of a running server, watched by one background thread that polls each file's
 * modification time, size and file key: a changed file takes effect within two polls (one to see
 * the change, one to see it has settled), with no config reload. Long-lived: it outlives config
 * generations, so a reload that names the same file reuses the list already read; a file no
 * generation names any more is dropped once the filters that used it are gone (they hold it, this
 * registry only weakly). {@link #close()} stops the thread; the server closes it at shutdown.
 *
 * <p>Example: {@code IpListFiles files = new IpListFiles(); ... IpFilter.compile(global, route, files)};
 * at shutdown {@code files.close()}.
 */
public final class IpListFiles implements AutoCloseable {
    /** Half a second: a change is in force within a second, for the price of two stat calls a second per file. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    /** Told about each reload of a list file and each failure; called on the watcher thread. */
    public interface Listener {
        void reloaded(Path file, int entries);

        /** The file could not be read or has a bad line; the previous list stays in force. */
        void failed(Path file, String why);
    }

    private final Map<Path, WeakReference<WatchedFile>> files = new ConcurrentHashMap<>();
    private final Duration poll;
    private final Listener listener;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private ScheduledExecutorService watcher; // started with the first file
    private boolean closed;
    private IpFilterConfig lastGlobal;
    private Lists lastGlobalLists;

    /** Polls every {@link #DEFAULT_POLL} and logs through {@code System.Logger} {@code pincer.ipfilter}. */
    public IpListFiles() {
        this(DEFAULT_POLL, new LoggingListener());
    }

    public IpListFiles(Duration poll, Listener listener) {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive: " + poll);
        }
        this.poll = poll;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The watched file at {@code path}: the one already watched, or read now.
     *
     * @throws UncheckedIOException when a file not yet watched cannot be read or has a bad line
     *                              (the config check read it cleanly moments ago: treat this as an
     *                              invalid config and keep the running generation)
     */
    synchronized WatchedFile watch(Path path) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        WeakReference<WatchedFile> ref = files.get(path);
        WatchedFile f = ref == null ? null : ref.get();
        if (f != null) {
            return f;
        }
        try {
            f = new WatchedFile(path, counting());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(path, new WeakReference<>(f));
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pincer-ip-lists");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::pollAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        }
        return f;
    }

    /**
     * The compiled lists of the global section: every route of a generation shares one compile
     * (the last config seen, by identity), so 100k global entries are compiled once per reload,
     * not once per route.
     */
    synchronized Lists global(IpFilterConfig config) {
        if (config != lastGlobal) {
            lastGlobalLists = Lists.of(config, this);
            lastGlobal = config;
        }
        return lastGlobalLists;
    }

    /** One round over every file; files no filter holds any more are dropped. */
    void pollAll() {
        for (Iterator<WeakReference<WatchedFile>> it = files.values().iterator(); it.hasNext(); ) {
            WatchedFile f = it.next().get();
            if (f == null) {
                it.remove();
                continue;
            }
            try {
                f.poll();
            } catch (RuntimeException e) {
                failures.incrementAndGet(); // a listener that threw; the watcher must keep running
            }
        }
    }

    /** List files reloaded after a change since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Reloads that failed (unreadable, gone, or a bad line) since start; each kept the previous list. */
    public long failures() {
        return failures.get();
    }

    /** Files watched now. */
    public int watched() {
        files.values().removeIf(r -> r.get() == null);
        return files.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.shutdownNow();
        }
        files.clear();
        lastGlobal = null;
        lastGlobalLists = null;
    }

    private Listener counting() {
        return new Listener() {
            @Override
            public void reloaded(Path file, int entries) {
                reloads.incrementAndGet();
                listener.reloaded(file, entries);
            }

            @Override
            public void failed(Path file, String why) {
                failures.incrementAndGet();
                listener.failed(file, why);
            }
        };
    }
}
