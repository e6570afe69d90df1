package dev.pincer.sensor.it;

import java.io.File;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Every hooked file entry point, one case each, shared by the child app (which runs them) and
 * {@link SensorAgentIT} (which checks the CHECKs they caused). Each case runs in a directory of its
 * own, prepared before the request with a file {@code victim-EVIL.txt}, a zip {@code victim-EVIL.zip},
 * a directory {@code dir-EVIL} holding one file, and a harmless {@code ok.txt}; the test correlator
 * blocks any path holding {@code EVIL}. {@code modes} are the modes of the CHECKs the case must
 * cause, in order, and nothing else may be reported for its directory (a hooked method calling
 * another reports once). Comparing the directory before and after shows a blocked call did not
 * touch the disk.
 */
final class FileCases {
    interface Action {
        void run(Path d) throws Exception;
    }

    record Case(String name, List<String> modes, Action action) {
    }

    static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, String modes, Action action) {
        CASES.add(new Case(name, List.of(modes.split(",")), action));
    }

    private static File victim(Path d) {
        return d.resolve("victim-EVIL.txt").toFile();
    }

    static {
        // java.io.File
        add("file.exists", "stat", d -> victim(d).exists());
        add("file.isFile", "stat", d -> victim(d).isFile());
        add("file.isDirectory", "stat", d -> victim(d).isDirectory());
        add("file.isHidden", "stat", d -> victim(d).isHidden());
        add("file.length", "stat", d -> victim(d).length());
        add("file.lastModified", "stat", d -> victim(d).lastModified());
        add("file.canRead", "stat", d -> victim(d).canRead());
        add("file.canWrite", "stat", d -> victim(d).canWrite());
        add("file.canExecute", "stat", d -> victim(d).canExecute());
        add("file.getUsableSpace", "stat", d -> victim(d).getUsableSpace());
        add("file.delete", "delete", d -> victim(d).delete());
        add("file.deleteOnExit", "delete", d -> victim(d).deleteOnExit());
        add("file.renameTo", "delete", d -> victim(d).renameTo(d.resolve("renamed.txt").toFile()));
        add("file.renameTo.dest", "delete,write", d -> d.resolve("ok.txt").toFile()
                .renameTo(d.resolve("renamed-EVIL.txt").toFile()));
        add("file.mkdir", "write", d -> d.resolve("new-EVIL").toFile().mkdir());
        add("file.mkdirs", "write", d -> d.resolve("new-EVIL/a/b").toFile().mkdirs());
        add("file.mkdirs.ok", "write", d -> d.resolve("okdir/x/y").toFile().mkdirs());
        add("file.createNewFile", "write", d -> d.resolve("new-EVIL.txt").toFile().createNewFile());
        add("file.list", "list", d -> d.resolve("dir-EVIL").toFile().list());
        add("file.listFiles", "list", d -> d.resolve("dir-EVIL").toFile().listFiles());
        add("file.listFiles.filter", "list", d -> d.resolve("dir-EVIL").toFile().listFiles(File::isFile));
        add("file.setReadable", "write", d -> victim(d).setReadable(false));
        add("file.setWritable", "write", d -> victim(d).setWritable(false));
        add("file.setExecutable", "write", d -> victim(d).setExecutable(true));
        add("file.setReadOnly", "write", d -> victim(d).setReadOnly());
        add("file.setLastModified", "write", d -> victim(d).setLastModified(0));
        add("file.createTempFile", "write", d -> File.createTempFile("t", ".tmp", d.resolve("dir-EVIL").toFile()));
        // java.io streams and readers, zip
        add("io.FileReader", "read", d -> new FileReader(victim(d)).close());
        add("io.FileWriter", "write", d -> new FileWriter(d.resolve("new-EVIL.txt").toString()).close());
        add("io.FileInputStream", "read", d -> new java.io.FileInputStream(victim(d).toString()).close());
        add("io.FileWriter.append", "write", d -> new FileWriter(victim(d), true).close());
        add("io.PrintWriter", "write", d -> new PrintWriter(d.resolve("new-EVIL.txt").toString()).close());
        add("io.PrintStream", "write", d -> new PrintStream(d.resolve("new-EVIL.txt").toFile()).close());
        add("io.Scanner.file", "read", d -> new Scanner(victim(d)).close());
        add("io.Scanner.path", "read", d -> new Scanner(victim(d).toPath()).close());
        add("io.RandomAccessFile", "read", d -> new RandomAccessFile(victim(d).toString(), "r").close());
        add("zip.ZipFile", "read", d -> new ZipFile(d.resolve("victim-EVIL.zip").toString()).close());
        add("zip.ZipFile.delete", "delete", d -> new ZipFile(d.resolve("victim-EVIL.zip").toFile(),
                ZipFile.OPEN_READ | ZipFile.OPEN_DELETE).close());
        add("zip.JarFile", "read", d -> new JarFile(d.resolve("victim-EVIL.zip").toFile()).close());
        add("zip.JarFile.name", "read", d -> new JarFile(d.resolve("victim-EVIL.zip").toString()).close());
        add("zip.ZipFile.ok", "read", d -> new ZipFile(d.resolve("ok.zip").toFile()).close());
        // java.nio.file.Files
        add("nio.readAllBytes", "read", d -> Files.readAllBytes(victim(d).toPath()));
        add("nio.readString", "read", d -> Files.readString(victim(d).toPath()));
        add("nio.readAllLines", "read", d -> Files.readAllLines(victim(d).toPath()));
        add("nio.lines", "read", d -> {
            try (Stream<String> s = Files.lines(victim(d).toPath())) {
                s.count();
            }
        });
        add("nio.newBufferedReader", "read", d -> Files.newBufferedReader(victim(d).toPath()).close());
        add("nio.newInputStream", "read", d -> Files.newInputStream(victim(d).toPath()).close());
        add("nio.newByteChannel", "read", d -> Files.newByteChannel(victim(d).toPath()).close());
        add("nio.newByteChannel.write", "write", d -> Files.newByteChannel(victim(d).toPath(),
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).close());
        add("nio.newByteChannel.deleteOnClose", "delete", d -> Files.newByteChannel(victim(d).toPath(),
                StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE).close());
        add("nio.FileChannel.open", "read", d -> java.nio.channels.FileChannel.open(victim(d).toPath()).close());
        add("nio.FileChannel.open.write", "write", d -> java.nio.channels.FileChannel.open(victim(d).toPath(),
                StandardOpenOption.APPEND).close());
        add("nio.newFileSystem", "read", d -> java.nio.file.FileSystems.newFileSystem(d.resolve("victim-EVIL.zip"))
                .close());
        add("nio.newOutputStream", "write", d -> Files.newOutputStream(victim(d).toPath()).close());
        add("nio.newBufferedWriter", "write", d -> Files.newBufferedWriter(victim(d).toPath()).close());
        add("nio.write", "write", d -> Files.write(victim(d).toPath(), new byte[] {1}));
        add("nio.writeString", "write", d -> Files.writeString(victim(d).toPath(), "pwned"));
        add("nio.createFile", "write", d -> Files.createFile(d.resolve("new-EVIL.txt")));
        add("nio.createDirectory", "write", d -> Files.createDirectory(d.resolve("new-EVIL")));
        add("nio.createDirectories", "write", d -> Files.createDirectories(d.resolve("new-EVIL/a/b")));
        add("nio.createTempFile", "write", d -> Files.createTempFile(d.resolve("dir-EVIL"), "t", ".tmp"));
        add("nio.copy", "read", d -> Files.copy(victim(d).toPath(), d.resolve("copy.txt")));
        add("nio.copy.target", "read,write", d -> Files.copy(d.resolve("ok.txt"), d.resolve("copy-EVIL.txt")));
        add("nio.copy.stream", "write", d -> Files.copy(new java.io.ByteArrayInputStream(new byte[] {1}),
                d.resolve("copy-EVIL.txt")));
        add("nio.move", "delete", d -> Files.move(victim(d).toPath(), d.resolve("moved.txt")));
        add("nio.move.target", "delete,write", d -> Files.move(d.resolve("ok.txt"), d.resolve("moved-EVIL.txt"),
                StandardCopyOption.REPLACE_EXISTING));
        add("nio.delete", "delete", d -> Files.delete(victim(d).toPath()));
        add("nio.deleteIfExists", "delete", d -> Files.deleteIfExists(victim(d).toPath()));
        add("nio.exists", "stat", d -> Files.exists(victim(d).toPath()));
        add("nio.notExists", "stat", d -> Files.notExists(victim(d).toPath()));
        add("nio.isDirectory", "stat", d -> Files.isDirectory(victim(d).toPath()));
        add("nio.isRegularFile", "stat", d -> Files.isRegularFile(victim(d).toPath()));
        add("nio.isReadable", "stat", d -> Files.isReadable(victim(d).toPath()));
        add("nio.isHidden", "stat", d -> Files.isHidden(victim(d).toPath()));
        add("nio.isSameFile", "stat", d -> Files.isSameFile(victim(d).toPath(), d.resolve("ok.txt")));
        add("nio.isSymbolicLink", "stat", d -> Files.isSymbolicLink(victim(d).toPath()));
        add("nio.isWritable", "stat", d -> Files.isWritable(victim(d).toPath()));
        add("nio.isExecutable", "stat", d -> Files.isExecutable(victim(d).toPath()));
        add("nio.getOwner", "stat", d -> Files.getOwner(victim(d).toPath()));
        add("nio.getFileStore", "stat", d -> Files.getFileStore(victim(d).toPath()));
        add("nio.readSymbolicLink", "stat", d -> Files.readSymbolicLink(victim(d).toPath()));
        // mismatch asks isSameFile first: the blocked stat of the first path is its one CHECK.
        add("nio.mismatch", "stat", d -> Files.mismatch(victim(d).toPath(), d.resolve("ok.txt")));
        add("nio.size", "stat", d -> Files.size(victim(d).toPath()));
        add("nio.getLastModifiedTime", "stat", d -> Files.getLastModifiedTime(victim(d).toPath()));
        add("nio.readAttributes", "stat", d -> Files.readAttributes(victim(d).toPath(), BasicFileAttributes.class));
        add("nio.getAttribute", "stat", d -> Files.getAttribute(victim(d).toPath(), "basic:size"));
        add("nio.getPosixFilePermissions", "stat", d -> Files.getPosixFilePermissions(victim(d).toPath()));
        add("nio.setLastModifiedTime", "stat", d -> Files.setLastModifiedTime(victim(d).toPath(),
                FileTime.fromMillis(0)));
        add("nio.setPosixFilePermissions", "stat", d -> Files.setPosixFilePermissions(victim(d).toPath(),
                PosixFilePermissions.fromString("rwxrwxrwx")));
        add("nio.setAttribute", "write", d -> Files.setAttribute(victim(d).toPath(), "basic:lastModifiedTime",
                FileTime.fromMillis(0)));
        add("nio.list", "list", d -> {
            try (Stream<Path> s = Files.list(d.resolve("dir-EVIL"))) {
                s.count();
            }
        });
        add("nio.newDirectoryStream", "list", d -> Files.newDirectoryStream(d.resolve("dir-EVIL")).close());
        add("nio.walk", "list", d -> {
            try (Stream<Path> s = Files.walk(d.resolve("dir-EVIL"))) {
                s.count();
            }
        });
        add("nio.find", "list", d -> {
            try (Stream<Path> s = Files.find(d.resolve("dir-EVIL"), 3, (p, a) -> true)) {
                s.count();
            }
        });
        add("nio.walkFileTree", "list", d -> Files.walkFileTree(d.resolve("dir-EVIL"), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return FileVisitResult.CONTINUE;
            }
        }));
        // Stream consumption stats each entry after walk() returned: outside the hooked call.
        add("nio.walk.ok", "list,stat", d -> {
            try (Stream<Path> s = Files.walk(d.resolve("okdir"))) {
                s.count();
            }
        });
        add("nio.createLink", "write", d -> Files.createLink(d.resolve("link-EVIL"), d.resolve("ok.txt")));
        add("nio.createSymbolicLink", "write", d -> Files.createSymbolicLink(d.resolve("sym-EVIL"),
                d.resolve("ok.txt")));
        add("nio.createSymbolicLink.target", "write,read", d -> Files.createSymbolicLink(d.resolve("sym-ok"),
                Path.of("victim-EVIL.txt")));
    }

    /** Blocked unless the case's only paths hold no EVIL. */
    static boolean allowed(Case c) {
        return c.name().endsWith(".ok");
    }

    /** The case's directory, with its files, created before the request. */
    static Path prepare(Path root, String prefix, Case c) throws IOException {
        Path d = Files.createDirectories(root.resolve(prefix + "-" + c.name()));
        Files.writeString(d.resolve("victim-EVIL.txt"), "victim");
        Files.writeString(d.resolve("ok.txt"), "ok");
        Files.createDirectories(d.resolve("dir-EVIL"));
        Files.writeString(d.resolve("dir-EVIL/inner.txt"), "inner");
        Files.createDirectories(d.resolve("okdir"));
        Files.writeString(d.resolve("okdir/inner.txt"), "inner");
        zip(d.resolve("victim-EVIL.zip"));
        zip(d.resolve("ok.zip"));
        return d;
    }

    private static void zip(Path p) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("a".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    /** Every file and directory under {@code d} with its size, time and permissions, in order. */
    static String snapshot(Path d) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted().toList()) {
                b.append(d.relativize(p)).append(':').append(Files.isDirectory(p) ? -1 : Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(':')
                        .append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).append(';');
            }
        }
        return b.toString();
    }

    private FileCases() {
    }
}
