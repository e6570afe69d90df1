package dev.pincer.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the demo's sinks act on, all created fresh at startup in a temp dir:
 * <ul>
 *   <li>an H2 in-memory database with {@code users(id, name, role)} (admin, alice, bob, carol) and
 *       {@code credentials(user_id, password)}, and the function {@code GREET(name)}
 *       ({@link DemoFunctions#greet});</li>
 *   <li>an in-memory LDAP directory ({@code ou=people,dc=pincer,dc=dev}) with the same four people,
 *       served on a loopback port;</li>
 *   <li>a file base {@code <tmp>/files/public} holding {@code readme.txt}, and the secret
 *       {@value #SECRET} outside it in {@code <tmp>/files/secret.txt} and {@code <tmp>/secret.txt}.</li>
 * </ul>
 */
final class Fixtures implements AutoCloseable {
    /** The content of the files outside the base: a response containing it leaked a file. */
    static final String SECRET = "PINCER-DEMO-SECRET-7f3a9c";
    /** Stored in {@code credentials}: a response containing it leaked the table. */
    static final String DB_SECRET = "PINCER-DB-SECRET-51e2";
    static final String LDAP_BASE = "ou=people,dc=pincer,dc=dev";
    private static final String[] PEOPLE = {"admin", "alice", "bob", "carol"};

    private final Path dir;
    private final Path base;
    private final JdbcDataSource db;
    private final Connection keepAlive;
    private final InMemoryDirectoryServer ldap;

    private Fixtures(Path dir, Path base, JdbcDataSource db, Connection keepAlive, InMemoryDirectoryServer ldap) {
        this.dir = dir;
        this.base = base;
        this.db = db;
        this.keepAlive = keepAlive;
        this.ldap = ldap;
    }

    static Fixtures create() throws IOException, SQLException, LDAPException, LDIFException {
        Path dir = Files.createTempDirectory("pincer-demo-");
        Path base = Files.createDirectories(dir.resolve("files/public"));
        Files.writeString(base.resolve("readme.txt"), "This is the public readme.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("files/secret.txt"), SECRET + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("secret.txt"), SECRET + "\n", StandardCharsets.UTF_8);

        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Connection keepAlive = db.getConnection();
        resetDb(keepAlive);

        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("dc=pincer,dc=dev");
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        cfg.setSchema(null); // the demo's entries need no schema checking
        InMemoryDirectoryServer ldap = new InMemoryDirectoryServer(cfg);
        ldap.add("dn: dc=pincer,dc=dev", "objectClass: top", "objectClass: domain", "dc: pincer");
        ldap.add("dn: " + LDAP_BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        for (String p : PEOPLE) {
            ldap.add("dn: uid=" + p + "," + LDAP_BASE, "objectClass: top", "objectClass: person",
                    "objectClass: inetOrgPerson", "uid: " + p, "cn: " + p, "sn: " + p,
                    "description: " + (p.equals("admin") ? "administrator" : "user"),
                    "userPassword: secret-" + p);
        }
        ldap.startListening();
        return new Fixtures(dir, base, db, keepAlive, ldap);
    }

    /** (Re)creates both tables with their fixed rows. */
    synchronized void resetDb() throws SQLException {
        resetDb(keepAlive);
    }

    private static void resetDb(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS users");
            s.execute("DROP TABLE IF EXISTS credentials");
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, role VARCHAR(16) NOT NULL)");
            s.execute("CREATE TABLE credentials (user_id INT PRIMARY KEY, password VARCHAR(64) NOT NULL)");
            for (int i = 0; i < PEOPLE.length; i++) {
                s.execute("INSERT INTO users VALUES (" + (i + 1) + ", '" + PEOPLE[i] + "', '"
                        + (i == 0 ? "admin" : "user") + "')");
            }
            s.execute("INSERT INTO credentials VALUES (1, '" + DB_SECRET + "')");
            s.execute("CREATE ALIAS IF NOT EXISTS GREET FOR '" + DemoFunctions.class.getName() + ".greet'");
        }
    }

    Path dir() {
        return dir;
    }

    Path base() {
        return base;
    }

    Connection connection() throws SQLException {
        return db.getConnection();
    }

    String ldapUrl() {
        return "ldap://127.0.0.1:" + ldap.getListenPort();
    }

    @Override
    public void close() {
        ldap.shutDown(true);
        try {
            keepAlive.close();
        } catch (SQLException e) {
            // the in-memory database goes with the JVM anyway
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
