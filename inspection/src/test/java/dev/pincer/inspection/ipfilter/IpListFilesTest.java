package dev.pincer.inspection.ipfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.IpFilterConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IpListFiles}: list files reload on change in the background, and a bad change keeps the old list. */
class IpListFilesTest {
    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final IpListFiles.Listener listener = new IpListFiles.Listener() {
        @Override
        public void reloaded(Path file, int entries) {
            events.add("reloaded " + entries);
        }

        @Override
        public void failed(Path file, String why) {
            events.add("failed " + why);
        }
    };
    private IpListFiles files;

    @AfterEach
    void close() {
        if (files != null) {
            files.close();
        }
    }

    private IpFilter filter(Path deny) {
        return IpFilter.compile(ProtectionConfig.DEFAULT.withIpFilter(new IpFilterConfig("protection.ip_filter", List.of(), List.of(),
                List.of(), List.of(deny))), RouteProtection.DEFAULT, files);
    }

    private static InetAddress ip(String s) throws IOException {
        return InetAddress.getByName(s);
    }

    /** The brief's promise at the default poll: a change is in force within two seconds, no config reload. */
    @Test
    void aChangedFileTakesEffectWithinTwoSeconds() throws Exception {
        files = new IpListFiles(IpListFiles.DEFAULT_POLL, listener);
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        IpFilter f = filter(deny);
        assertNull(f.denied(ip("198.51.100.7")));

        replace(deny, "203.0.113.0/24\n# added\n198.51.100.0/24\n");
        long start = System.nanoTime();
        while (f.denied(ip("198.51.100.7")) == null && System.nanoTime() - start < Duration.ofSeconds(2).toNanos()) {
            Thread.sleep(20);
        }
        assertEquals("198.51.100.7 in deny list " + deny + ":3", f.denied(ip("198.51.100.7")));
        assertEquals(List.of("reloaded 2"), events);
        assertEquals(1, files.reloads());
    }

    @Test
    void aBadChangeKeepsThePreviousListAndIsReportedOnce() throws Exception {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        IpFilter f = filter(deny);
        replace(deny, "203.0.113.0/24\n10.0.0.300\n");
        awaitEvents(1);
        Thread.sleep(200); // many more polls of the same bad file: no more reports
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("failed line 2: 10.0.0.300 (expected: an IP address"), events.get(0));
        assertNotNull(f.denied(ip("203.0.113.1")), "the previous list stays in force");
        assertEquals(1, files.failures());

        Files.writeString(deny, "198.51.100.0/24\n"); // fixed in place (no rename): taken too
        awaitEvents(2);
        assertEquals("reloaded 1", events.get(1));
        assertNull(f.denied(ip("203.0.113.1")));
        assertNotNull(f.denied(ip("198.51.100.1")));
    }

    @Test
    void aDeletedFileKeepsThePreviousList() throws Exception {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        IpFilter f = filter(deny);
        Files.delete(deny);
        awaitEvents(1);
        assertTrue(events.get(0).startsWith("failed the file is gone"), events.get(0));
        assertNotNull(f.denied(ip("203.0.113.1")));
    }

    /** A config reload that names the same file reuses the list already read and watched. */
    @Test
    void aReloadNamingTheSameFileReusesIt() throws Exception {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        WatchedFile first = files.watch(deny);
        IpFilter f = filter(deny);
        assertSame(first, files.watch(deny));
        assertEquals(1, files.watched());
        assertNotNull(f.denied(ip("203.0.113.1")));
    }

    @Test
    void aFileThatCannotBeReadAtCompileFailsTheCompile() throws IOException {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "nope\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> filter(bad));
        assertTrue(e.getMessage().contains(bad + ":1: nope"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> filter(dir.resolve("missing.txt")));
    }

    @Test
    void anEmptyAllowFileAdmitsNoOne() throws IOException {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path allow = Files.writeString(dir.resolve("allow.txt"), "# nobody yet\n");
        IpFilter f = IpFilter.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT.withIpFilter(new IpFilterConfig(
                "routes[0].protection.ip_filter", List.of(), List.of(), List.of(allow), List.of())), files);
        assertEquals("10.0.0.1 not in allow list routes[0].protection.ip_filter", f.denied(ip("10.0.0.1")));
    }

    @Test
    void closeStopsTheWatcherAndRefusesNewFiles() throws IOException {
        files = new IpListFiles(Duration.ofMillis(20), listener);
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        files.watch(deny);
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("pincer-ip-lists")));
        files.close();
        assertThrows(IllegalStateException.class, () -> files.watch(deny));
        assertEquals(0, files.watched());
    }

    /** Writes the new contents beside the file and renames it over, as a list-updating job should. */
    private static void replace(Path file, String text) throws IOException {
        Path tmp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), text);
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().plusSeconds(1)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitEvents(int n) throws InterruptedException {
        long start = System.nanoTime();
        while (events.size() < n && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
        }
        assertTrue(events.size() >= n, events.toString());
    }
}
