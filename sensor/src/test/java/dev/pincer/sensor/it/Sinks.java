package dev.pincer.sensor.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/**
 * Every hooked sink, called the way an app calls it. Each call's name and arguments carry a marker
 * ({@code prefix}); the test correlator blocks any call whose arguments contain {@code EVIL} (or a
 * class name containing {@code Evil}), so each blocked call here also checks that its side effect
 * did not happen.
 */
final class Sinks {
    final Path dir;
    final Connection db;
    /** Counts connections to a local port, to see that a blocked network call never connected. */
    final ServerSocket trap;
    final AtomicInteger trapped = new AtomicInteger();

    Sinks(Path dir) throws Exception {
        this.dir = dir;
        this.db = DriverManager.getConnection("jdbc:h2:mem:it;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS users(name VARCHAR(64))");
            s.execute("DELETE FROM users");
            s.execute("INSERT INTO users VALUES ('alice')");
        }
        trap = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (true) {
                try (Socket s = trap.accept()) {
                    trapped.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        }, "trap");
        t.setDaemon(true);
        t.start();
    }

    int users() throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    String trapUrl(String path) {
        return "http://127.0.0.1:" + trap.getLocalPort() + "/" + path;
    }

    /** Runs {@code body} and prints whether the trap saw a connection. */
    void network(String name, Out.Body body) throws Exception {
        int before = trapped.get();
        Out.result(name, body);
        Thread.sleep(150);
        Out.fact(name + ".connections", trapped.get() - before);
    }

    void sql(String p) throws Exception {
        restore();
        Out.result(p + ".sql.query", () -> {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name FROM users WHERE name = '" + p + "-ok'")) {
                rs.next();
            }
        });
        Out.result(p + ".sql.update", () -> {
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DELETE FROM users WHERE name = '" + p + "' OR 'EVIL' = 'EVIL'");
            }
        });
        Out.fact(p + ".sql.users", users());
        restore();
        Out.result(p + ".sql.prepare", () -> db.prepareStatement("SELECT name FROM users WHERE name = ? -- " + p).close());
        Out.result(p + ".sql.call.ok", () -> db.prepareCall("{call LOWER('" + p + "-call-ok')}").close());
        Out.result(p + ".sql.call", () -> db.prepareCall("{call LOWER('" + p + "-call-EVIL')}").close());
        Out.result(p + ".sql.batch", () -> {
            try (Statement s = db.createStatement()) {
                s.addBatch("INSERT INTO users VALUES ('" + p + "-EVIL')");
                s.executeBatch();
            }
        });
        Out.fact(p + ".sql.users.after", users());
        restore();
    }

    /** Back to alice alone, after an unchecked DELETE or INSERT ran. */
    void restore() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM users WHERE name <> 'alice'");
            if (users() == 0) {
                s.execute("INSERT INTO users VALUES ('alice')");
            }
        }
    }

    void exec(String p) throws Exception {
        File ok = dir.resolve(p + "-exec-ok.marker").toFile();
        Out.result(p + ".exec.ok", () -> new ProcessBuilder("sh", "-c", "echo ok > '" + ok + "'").start().waitFor());
        Out.fact(p + ".exec.ok.marker", onDisk(ok));
        File evil = dir.resolve(p + "-exec-EVIL.marker").toFile();
        Out.result(p + ".exec.evil", () -> Runtime.getRuntime()
                .exec(new String[] {"sh", "-c", "echo pwned > '" + evil + "'"}).waitFor());
        Out.fact(p + ".exec.evil.marker", onDisk(evil));
    }

    /**
     * Issue 8: {@code Runtime.exec(String)} (its command string is reported), an {@code envp} and a
     * {@code ProcessBuilder.environment()} change (what differs from the JVM's environment is
     * reported), and a block decided on an environment attr alone.
     */
    void execForms(String p) throws Exception {
        File split = dir.resolve(p + "-split-ok.marker").toFile();
        Out.result(p + ".exec.split", () -> Runtime.getRuntime().exec("touch\t" + split).waitFor());
        Out.fact(p + ".exec.split.marker", split.exists());
        File splitEvil = dir.resolve(p + "-split-EVIL.marker").toFile();
        Out.result(p + ".exec.split.evil", () -> Runtime.getRuntime().exec("touch " + splitEvil).waitFor());
        Out.fact(p + ".exec.split.evil.marker", splitEvil.exists());
        File envp = dir.resolve(p + "-envp-out.txt").toFile();
        Out.result(p + ".exec.envp", () -> Runtime.getRuntime().exec(new String[] {"sh", "-c",
            "echo \"$PINCER_IT_VAR\" > '" + envp + "'"}, new String[] {"PINCER_IT_VAR=" + p + "-envp",
                "PATH=" + System.getenv("PATH")}).waitFor());
        Out.fact(p + ".exec.envp.out", envp.exists() ? new String(Files.readAllBytes(envp.toPath())).trim() : "");
        Out.result(p + ".exec.pbenv", () -> {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "exit 0", p + "-pb-env");
            pb.environment().put("PINCER_IT_PB", p + "-pb");
            pb.start().waitFor();
        });
        File envEvil = dir.resolve(p + "-env-block.marker").toFile();
        Out.result(p + ".exec.envevil", () -> {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "touch \"$M\"", p + "-env-evil");
            pb.environment().put("M", envEvil.toString());
            pb.environment().put("PINCER_IT_BAD", "EVIL");
            pb.start().waitFor();
        });
        Out.fact(p + ".exec.envevil.marker", envEvil.exists());
    }

    void files(String p) throws Exception {
        File out = dir.resolve(p + "-EVIL-out.txt").toFile();
        Out.result(p + ".file.stream", () -> new FileOutputStream(out).close());
        Out.fact(p + ".file.stream.exists", onDisk(out));
        Path nio = dir.resolve(p + "-nio-EVIL.txt");
        Out.result(p + ".file.nio", () -> Files.write(nio, "x".getBytes(StandardCharsets.UTF_8)));
        Out.fact(p + ".file.nio.exists", onDisk(nio.toFile()));
        Files.createDirectories(dir.resolve("sub"));
        Path read = Files.writeString(dir.resolve(p + "-read.txt"), "hello");
        Out.result(p + ".file.read", () -> Files.readString(dir.resolve("sub/../" + p + "-read.txt")));
        Path lines = Files.writeString(dir.resolve(p + "-lines.txt"), "a\nb\n");
        Out.result(p + ".file.lines", () -> {
            try (var l = Files.lines(lines)) {
                l.count();
            }
        });
        File raf = dir.resolve(p + "-raf-EVIL.bin").toFile();
        Out.result(p + ".file.raf", () -> new RandomAccessFile(raf, "rw").close());
        Out.fact(p + ".file.raf.exists", onDisk(raf));
        Out.fact(p + ".file.read.path", read);
    }

    void urls(String p) throws Exception {
        network(p + ".url.evil", () -> new URL(trapUrl(p + "-EVIL")).openConnection());
        network(p + ".url.ok", () -> new URL(trapUrl(p + "-ok")).openConnection());
        network(p + ".http.evil", () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                .send(HttpRequest.newBuilder(URI.create(trapUrl(p + "-http-EVIL"))).build(),
                        HttpResponse.BodyHandlers.discarding()));
    }

    void ldap(String p) throws Exception {
        network(p + ".ldap.evil", () -> new InitialDirContext().search("ldap://127.0.0.1:" + trap.getLocalPort()
                + "/dc=" + p, "(uid=" + p + "-EVIL)", new SearchControls()));
    }

    void xpath(String p) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream("<users><user><name>alice</name></user></users>".getBytes()));
        XPath xpath = XPathFactory.newInstance().newXPath();
        Out.result(p + ".xpath.ok", () -> xpath.compile("//user/name[text()='" + p + "-ok']"));
        Out.result(p + ".xpath.evil", () -> xpath.evaluate("//user[name='" + p + "-EVIL']", doc));
    }

    void deser(String p) throws Exception {
        Out.result(p + ".deser.list", () -> roundTrip(new ArrayList<>(List.of(p))));
        Out.result(p + ".deser.gadget", () -> roundTrip(new EvilGadget()));
    }

    void jndi(String p) throws Exception {
        network(p + ".jndi.evil", () -> InitialContext.doLookup("ldap://127.0.0.1:" + trap.getLocalPort()
                + "/cn=" + p + "-EVIL"));
    }

    /**
     * Whether {@code f} exists, looked at from a thread that serves no request: {@code File.exists}
     * is a hooked sink itself, and in a request it would be checked (and a path marked EVIL blocked).
     */
    static boolean onDisk(File f) throws InterruptedException {
        boolean[] exists = new boolean[1];
        Thread t = new Thread(() -> exists[0] = f.exists(), "on-disk");
        t.start();
        t.join();
        return exists[0];
    }

    static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
