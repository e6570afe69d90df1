package dev.pincer.proxy.reload;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.ConfigProblem;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.server.PincerServer;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the config file on SIGHUP and when the file changes (its directory is watched, so
 * editors that replace the file and Kubernetes ConfigMap symlink swaps are seen). A file that
 * fails validation is rejected: its problems are logged, {@code pincer_config_reloads_total
 * {outcome="failure"}} goes up, and the running config stays. Reloads are serialized.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);
    /** Editors write in several steps; wait for the burst to settle before reading. */
    private static final long SETTLE_MILLIS = 200;

    private final Path file;
    private final PincerServer server;
    private final Thread watcher;
    private volatile WatchService watch;
    private byte[] lastDigest;

    public ConfigReloader(Path file, PincerServer server) {
        this.file = file.toAbsolutePath();
        this.server = server;
        this.lastDigest = digest(this.file);
        this.watcher = new Thread(this::watchLoop, "pincer-config-watch");
        this.watcher.setDaemon(true);
    }

    /** Starts watching the file and listening for SIGHUP. */
    public ConfigReloader start() {
        try {
            watch = FileSystems.getDefault().newWatchService();
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            watcher.start();
        } catch (IOException e) {
            log.warn("cannot watch {} for changes ({}); reload with SIGHUP", file, e.toString());
        }
        Signals.onHangup(() -> reload("SIGHUP"));
        return this;
    }

    /**
     * Loads, validates and applies the file. Returns whether the new config is now running.
     */
    public synchronized boolean reload(String why) {
        PincerConfig next;
        try {
            next = ConfigLoader.load(file);
        } catch (ConfigException e) {
            server.metrics().configReloads.labels("failure").inc();
            log.error("config reload ({}) rejected, keeping the running config: {} problem(s)", why,
                    e.problems().size());
            for (ConfigProblem p : e.problems()) {
                log.error("  {}", p);
            }
            return false;
        }
        try {
            server.reload(next);
        } catch (Exception e) {
            server.metrics().configReloads.labels("failure").inc();
            log.error("config reload ({}) could not be applied, keeping the running config: {}", why, e.toString());
            return false;
        }
        lastDigest = digest(file);
        server.metrics().configReloads.labels("success").inc();
        log.info("config reloaded ({}) from {}", why, file);
        return true;
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
                key.pollEvents();
                key.reset();
                byte[] now = digest(file);
                boolean changed;
                synchronized (this) {
                    changed = !Arrays.equals(now, lastDigest);
                    lastDigest = now;
                }
                if (changed) {
                    reload("file changed");
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private static byte[] digest(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException | NoSuchAlgorithmException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
