package dev.pincer.sensor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Answer;
import dev.pincer.sensor.testing.FakeCorrelator.Check;
import dev.pincer.sensor.testing.TestHeaders;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent jar in real child JVMs ({@code -javaagent:target/pincer-sensor.jar}), on every JVM in
 * {@code pincer.it.jvms} (this build's JDK and Temurin 25 when installed), against a fake
 * correlator: the CHECKs it receives, and that a block prevents the side effect.
 */
class SensorAgentIT {
    private static final String TOKEN = "integration-test-token-0123456789";
    private static final String FULL = "a0000000000000000000000000000001";
    private static final String UNCAUGHT = "b0000000000000000000000000000002";
    private static final String COMMITTED = "c0000000000000000000000000000003";
    private static final String NESTED = "d0000000000000000000000000000004";
    private static final String ZERO = "e0000000000000000000000000000005";
    private static final String FORGED = "f0000000000000000000000000000006";
    private static final String FILTER = "ab000000000000000000000000000007";
    private static final String JAKARTA = "ac000000000000000000000000000008";

    @TempDir
    Path dir;

    static Stream<String> jvms() {
        return Arrays.stream(System.getProperty("pincer.it.jvms", System.getProperty("java.home") + "/bin/java")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct();
    }

    private static void assumeJvm(String java) {
        Assumptions.assumeTrue(new File(java).canExecute(),
                "JVM " + java + " is not installed: skipping the agent tests on it");
    }

    // ---- the jar -------------------------------------------------------------------------------

    @Test
    void agentJarLayout() throws Exception {
        try (JarFile jar = new JarFile(agentJar())) {
            Manifest m = jar.getManifest();
            assertEquals("dev.pincer.sensor.Agent", m.getMainAttributes().getValue("Premain-Class"));
            assertEquals("dev.pincer.sensor.Agent", m.getMainAttributes().getValue("Agent-Class"));
            assertEquals("true", m.getMainAttributes().getValue("Can-Retransform-Classes"));
            assertEquals("true", m.getMainAttributes().getValue("Can-Redefine-Classes"));
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("net/bytebuddy/") || n.contains("/net/bytebuddy/")),
                    "ByteBuddy is relocated");
            assertTrue(names.contains("dev/pincer/sensor/shaded/bytebuddy/agent/builder/AgentBuilder.class"));
            assertTrue(names.stream().noneMatch(n -> n.startsWith("dev/pincer/sensor/bootstrap/")),
                    "the bridge is not loadable from the agent jar");
            assertTrue(names.contains("pincer-bootstrap/dev/pincer/sensor/bootstrap/Bridge.classdata"));
            assertTrue(names.stream().noneMatch(n -> n.startsWith("javax/") || n.startsWith("jakarta/")
                    || n.startsWith("org/h2/")), "no servlet API or test dependency is shipped");
        }
    }

    // ---- the main scenario ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void everySinkWithAndWithoutContext(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(SensorAgentIT::rules)) {
            long exp = System.currentTimeMillis() / 1000 + 3600;
            List<String> props = List.of(
                    "-Dit.header.full=" + TestHeaders.sign(TOKEN, FULL, 7, exp),
                    "-Dit.header.uncaught=" + TestHeaders.sign(TOKEN, UNCAUGHT, 1, exp),
                    "-Dit.header.committed=" + TestHeaders.sign(TOKEN, COMMITTED, 1, exp),
                    "-Dit.header.nested=" + TestHeaders.sign(TOKEN, NESTED, 1, exp),
                    "-Dit.header.zero=" + TestHeaders.sign(TOKEN, ZERO, 0, exp),
                    "-Dit.header.forged=" + TestHeaders.sign("not-" + TOKEN, FORGED, 7, exp),
                    "-Dit.header.filter=" + TestHeaders.sign(TOKEN, FILTER, 1, exp),
                    "-Dit.header.jakarta=" + TestHeaders.sign(TOKEN, JAKARTA, 7, exp));
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=2s,app=it", props, "main");
            List<Check> checks = correlator.checks(c -> !(c.kind() == 9 && c.arg(0).equals("pincer-probe")));
            String all = String.join("\n", checks.stream().map(Check::toString).toList());

            // No context: SQL, files, URLs... unchecked and run; exec, deserialization, JNDI checked.
            run.expect("none.sql.query", "ran");
            run.expect("none.sql.update", "ran");
            run.fact("none.sql.users", "0");
            run.expect("none.file.stream", "ran");
            run.fact("none.file.stream.exists", "true");
            run.fact("none.file.nio.exists", "true");
            run.fact("none.file.raf.exists", "true");
            run.expect("none.exec.ok", "ran");
            run.fact("none.exec.ok.marker", "true");
            run.expect("none.exec.evil", "blocked");
            run.fact("none.exec.evil.marker", "false");
            run.expect("none.deser.list", "ran");
            run.expect("none.deser.gadget", "blocked");
            run.expect("none.jndi.evil", "blocked");
            run.fact("none.jndi.evil.connections", "0");
            assertTrue(checks.stream().noneMatch(c -> c.ctx().isEmpty() && (c.kind() == 1 || c.kind() == 3
                    || c.kind() == 4 || c.kind() == 5 || c.kind() == 6 || c.kind() == 7)), all);
            Check noCtxExec = one(checks, 2, "", "none-exec-EVIL");
            assertEquals("sh", noCtxExec.arg(0));
            assertEquals("-c", noCtxExec.arg(1));
            one(checks, 8, "", "dev.pincer.sensor.it.EvilGadget");
            execForms(run, checks);
            one(checks, 9, "", "cn=none-EVIL");

            // javax.servlet with hint 7: every sink checked with the request's context.
            run.expect("javax.all", "ran");
            run.fact("javax.all.status", "403");
            run.fact("javax.all.body", "Blocked by Pincer (request " + FULL + ")\\n");
            run.expect("javax.sql.query", "ran");
            assertEquals("executeQuery", one(checks, 1, FULL, "javax-ok'").attrs().get("method"));
            run.expect("javax.sql.update", "blocked");
            run.fact("javax.sql.users", "1");
            run.expect("javax.sql.prepare", "ran");
            assertEquals("prepareStatement", one(checks, 1, FULL, "-- javax").attrs().get("method"));
            run.expect("javax.sql.call.ok", "ran");
            assertEquals("{call LOWER('javax-call-ok')}", one(checks, 1, FULL, "javax-call-ok").arg(0));
            run.expect("javax.sql.call", "blocked");
            assertEquals("prepareCall", one(checks, 1, FULL, "javax-call-EVIL").attrs().get("method"));
            run.expect("javax.sql.batch", "blocked");
            assertEquals("addBatch", one(checks, 1, FULL, "javax-EVIL").attrs().get("method"));
            run.fact("javax.sql.users.after", "1");

            run.expect("javax.exec.ok", "ran");
            run.fact("javax.exec.ok.marker", "true");
            Check exec = one(checks, 2, FULL, "javax-exec-ok");
            String exe = exec.attrs().get("exe.path");
            assertTrue(exe.startsWith("/") && exe.endsWith("/sh"), exec.toString());
            assertEquals(sha256(Path.of(exe)), exec.attrs().get("exe.sha256"));
            assertFalse(exec.stack().isEmpty(), "a stack summary");
            assertTrue(exec.stack().contains("dev.pincer.sensor.it.Sinks.exec"), exec.stack());
            run.expect("javax.exec.evil", "blocked");
            run.fact("javax.exec.evil.marker", "false");

            run.expect("javax.file.stream", "blocked");
            run.fact("javax.file.stream.exists", "false");
            Check fos = one(checks, 3, FULL, "javax-EVIL-out.txt");
            assertEquals("write", fos.arg(2));
            run.expect("javax.file.nio", "blocked");
            run.fact("javax.file.nio.exists", "false");
            assertEquals("write", one(checks, 3, FULL, "javax-nio-EVIL.txt").arg(2));
            run.expect("javax.file.read", "ran");
            Check read = one(checks, 3, FULL, "javax-read.txt|read");
            assertEquals(dir.resolve("sub/../javax-read.txt").toString(), read.arg(0));
            assertEquals(dir.resolve("javax-read.txt").toString(), read.arg(1));
            assertEquals("read", read.arg(2));
            run.expect("javax.file.lines", "ran");
            assertEquals("read", one(checks, 3, FULL, "javax-lines.txt|read").arg(2));
            run.expect("javax.file.raf", "blocked");
            run.fact("javax.file.raf.exists", "false");
            assertEquals("write", one(checks, 3, FULL, "javax-raf-EVIL.bin").arg(2));

            run.expect("javax.url.evil", "blocked");
            run.fact("javax.url.evil.connections", "0");
            assertEquals("URL.openConnection", one(checks, 4, FULL, "/javax-EVIL").attrs().get("api"));
            run.expect("javax.url.ok", "ran");
            // Class loading opens URLs and files too: none of that is reported.
            assertTrue(checks.stream().filter(c -> c.kind() == 4).allMatch(c -> c.arg(0).contains("javax-")), all);
            assertTrue(checks.stream().filter(c -> c.kind() == 3).allMatch(c -> c.arg(0).startsWith(dir.toString())),
                    all);
            run.expect("javax.http.evil", "blocked");
            run.fact("javax.http.evil.connections", "0");
            assertEquals("HttpClient.send", one(checks, 4, FULL, "javax-http-EVIL").attrs().get("api"));

            run.expect("javax.ldap.evil", "blocked");
            run.fact("javax.ldap.evil.connections", "0");
            Check ldap = one(checks, 6, FULL, "(uid=javax-EVIL)");
            assertEquals("(uid=javax-EVIL)", ldap.arg(0));
            assertTrue(ldap.arg(1).startsWith("ldap://127.0.0.1:") && ldap.arg(1).endsWith("/dc=javax"), ldap.toString());

            run.expect("javax.xpath.ok", "ran");
            one(checks, 7, FULL, "javax-ok");
            run.expect("javax.xpath.evil", "blocked");
            one(checks, 7, FULL, "javax-EVIL");

            run.expect("javax.deser.list", "ran");
            one(checks, 8, FULL, "java.util.ArrayList");
            run.expect("javax.deser.gadget", "blocked");
            run.expect("javax.jndi.evil", "blocked");
            run.fact("javax.jndi.evil.connections", "0");
            one(checks, 9, FULL, "cn=javax-EVIL");

            run.expect("javax.redirect.evil", "blocked");
            one(checks, 5, FULL, "https://evil.example/javax-EVIL");
            run.expect("javax.redirect.ok", "ran");
            assertEquals("shop.example", one(checks, 5, FULL, "/javax-ok").attrs().get("request.host"));

            // An uncaught block becomes a 403; once committed, the exception goes on.
            run.expect("javax.uncaught", "ran");
            run.fact("javax.uncaught.status", "403");
            run.fact("javax.uncaught.body", "Blocked by Pincer (request " + UNCAUGHT + ")\\n");
            run.fact("javax.uncaught.users", "1");
            run.expect("javax.committed", "blocked");
            run.fact("javax.committed.status", "200");
            run.fact("javax.committed.body", "partial");

            // A forward keeps the outer context; hint 0 checks only the always-checked kinds.
            run.expect("javax.nested.inner", "ran");
            one(checks, 1, NESTED, "nested-ok");
            run.expect("zero.sql.update", "ran");
            run.fact("zero.file.stream.exists", "true");
            run.expect("zero.exec.evil", "blocked");
            one(checks, 2, ZERO, "zero-exec-EVIL");
            assertTrue(checks.stream().noneMatch(c -> c.ctx().equals(ZERO) && c.kind() != 2), all);

            // A header signed with another token: no context.
            run.expect("forged.sql.update", "ran");
            run.expect("forged.redirect", "ran");
            assertTrue(checks.stream().noneMatch(c -> c.ctx().equals(FORGED) || String.join(" ", c.args())
                    .contains("forged-EVIL")), all);

            // The filter chain is the outermost entry point.
            run.expect("javax.filter", "ran");
            run.fact("javax.filter.status", "403");
            one(checks, 1, FILTER, "filter-EVIL");
            assertFalse(run.results.containsKey("javax.filter.servlet"), "the blocked filter stopped the chain");

            // jakarta.servlet.
            run.expect("jakarta.all", "ran");
            run.fact("jakarta.all.status", "403");
            run.expect("jakarta.sql.update", "blocked");
            run.fact("jakarta.sql.users", "1");
            run.expect("jakarta.exec.ok", "ran");
            run.fact("jakarta.exec.ok.marker", "true");
            run.expect("jakarta.exec.evil", "blocked");
            run.fact("jakarta.exec.evil.marker", "false");
            run.expect("jakarta.file.stream", "blocked");
            run.fact("jakarta.file.stream.exists", "false");
            run.expect("jakarta.redirect.evil", "blocked");
            run.expect("jakarta.redirect.ok", "ran");
            assertEquals("shop.example", one(checks, 5, JAKARTA, "/jakarta-ok").attrs().get("request.host"));
            run.expect("jakarta.uncaught", "ran");
            run.fact("jakarta.uncaught.status", "403");
            run.fact("jakarta.uncaught.users", "1");

            assertFalse(run.stdout.contains("blocked-by-a-second-copy"), "one copy of the bridge");
            assertFalse(run.stderr.contains("could not instrument"), run.stderr);
            assertFalse(run.stderr.contains("sensor error"), run.stderr);
            assertTrue(run.stderr.contains("\"event\":\"block\",\"kind\":\"sql\""), run.stderr);
        }
    }

    /**
     * The connect hooks in a real JVM: names the JVM's hosts file maps to 127.0.0.1 are reported at
     * connect with the address they resolved to, tied to the URL being fetched, from
     * {@code HttpURLConnection}, {@code Socket}, {@code SocketChannel} and {@code HttpClient} (whose
     * connects run on its own threads); a blocked connect never
     * reaches the server; no context or no URL hint sends nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void connectsReportTheAddressTheNameResolvedTo(String java) throws Exception {
        assumeJvm(java);
        String ctx = "cc000000000000000000000000000009";
        String noHint = "cd00000000000000000000000000000a";
        Path hosts = Files.writeString(dir.resolve("hosts"),
                "127.0.0.1 localhost internal.pincer.test rebind.pincer.test\n");
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(c -> c.kind() == 4
                && ("rebind.pincer.test".equals(c.attrs().get("connect.host"))
                // Any address: had the JVM kept the public answer, nothing would leave the machine.
                || "flip.pincer.test".equals(c.attrs().get("connect.host"))
                || "HttpURLConnection.reuse".equals(c.attrs().get("api")) && c.arg(0).contains("reuse-bad"))
                ? Answer.block("ssrf") : rules(c))) {
            long exp = System.currentTimeMillis() / 1000 + 3600;
            List<String> props = List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0",
                    "-Dit.header.connect=" + TestHeaders.sign(TOKEN, ctx, 4, exp),
                    "-Dit.header.nohint=" + TestHeaders.sign(TOKEN, noHint, 3, exp));
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=2s,app=it", props, "connect");
            List<Check> checks = correlator.checks(c -> c.kind() == 4);
            String all = String.join("\n", checks.stream().map(Check::toString).toList());
            String port = run.facts.get("connect.port");

            run.expect("connect.url.ok", "ran");
            run.fact("connect.url.ok.body", "secret");
            // Twice: the URL's text at openConnection, then the address at connect.
            assertEquals(2, checks.stream().filter(c -> c.arg(0).endsWith("/ok")).count(), all);
            assertEquals(Map.of("api", "URL.openConnection"), checks.get(0).attrs(), all);
            Check ok = checks.stream().filter(c -> c.attrs().containsKey("connect.ip") && c.arg(0).endsWith("/ok"))
                    .findFirst().orElseThrow(() -> new AssertionError(all));
            assertEquals(List.of("http://internal.pincer.test:" + port + "/ok"), ok.args());
            assertEquals(Map.of("api", "Socket.connect", "connect.ip", "127.0.0.1", "connect.port", port,
                    "connect.host", "internal.pincer.test"), ok.attrs());

            run.expect("connect.url.evil", "blocked");
            run.fact("connect.url.evil.connections", "0");
            run.expect("connect.socket.evil", "blocked");
            run.fact("connect.socket.evil.connections", "0");
            run.expect("connect.channel.evil", "blocked");
            run.fact("connect.channel.evil.connections", "0");
            run.expect("connect.socket.ok", "ran");
            // HttpClient: its connects run on the client's threads, with the request's context.
            run.expect("connect.http.evil", "blocked");
            run.fact("connect.http.evil.connections", "0");
            run.expect("connect.http.ok", "ran");
            run.fact("connect.http.ok.body", "secret");
            run.expect("connect.async.evil", "blocked");
            run.fact("connect.async.evil.connections", "0");
            List<Check> connects = checks.stream().filter(c -> c.attrs().containsKey("connect.ip")
                    && port.equals(c.attrs().get("connect.port"))
                    && !"flip.pincer.test".equals(c.attrs().get("connect.host"))).toList();
            // The client retries a refused connect once: a blocked HttpClient fetch asks twice.
            assertEquals(List.of("Socket.connect", "Socket.connect", "Socket.connect", "SocketChannel.connect",
                    "Socket.connect", "SocketChannel.connect", "SocketChannel.connect", "SocketChannel.connect",
                    "SocketChannel.connect", "SocketChannel.connect"),
                    connects.stream().map(c -> c.attrs().get("api")).toList(), all);
            String evil = "http://rebind.pincer.test:" + port + "/http-evil";
            String async = "http://rebind.pincer.test:" + port + "/async-evil";
            assertEquals(List.of("http://rebind.pincer.test:" + port + "/evil", "", "", "", evil, evil,
                    "http://internal.pincer.test:" + port + "/http-ok", async, async),
                    connects.stream().skip(1).map(c -> c.arg(0)).toList(), all);
            // sendAsync on the client's own executor: the connect is made on its thread, which
            // serves no request, and still carries the request's context.
            assertFalse(connects.get(8).stack().contains("dev.pincer.sensor.it.Connects"),
                    "made on a client thread, not the caller's: " + connects.get(8));
            assertTrue(connects.stream().allMatch(c -> c.ctx().equals(ctx)
                    && c.attrs().get("connect.ip").equals("127.0.0.1") && c.attrs().get("connect.port").equals(port)),
                    all);

            // A kept-alive connection reused from HttpURLConnection's cache made no connect: it is
            // checked before the request is written, with the address it is connected to.
            run.expect("connect.reuse.first", "ran");
            run.expect("connect.reuse.bad", "blocked");
            run.fact("connect.reuse.bad.reached", "0");
            String kp = run.facts.get("connect.reuse.port");
            Check reuse = checks.stream().filter(c -> "HttpURLConnection.reuse".equals(c.attrs().get("api")))
                    .findFirst().orElseThrow(() -> new AssertionError(all));
            assertEquals(List.of("http://internal.pincer.test:" + kp + "/reuse-bad"), reuse.args());
            assertEquals(Map.of("api", "HttpURLConnection.reuse", "connect.ip", "127.0.0.1", "connect.port", kp,
                    "connect.host", "internal.pincer.test"), reuse.attrs());

            // DNS rebinding: the app's own lookup said public, the connect went to 127.0.0.1.
            run.fact("connect.rebind.checked", "93.184.215.14");
            run.expect("connect.rebind", "blocked");
            run.fact("connect.rebind.connections", "0");
            Check flip = checks.stream().filter(c -> "flip.pincer.test".equals(c.attrs().get("connect.host")))
                    .findFirst().orElseThrow(() -> new AssertionError(all));
            assertEquals("127.0.0.1", flip.attrs().get("connect.ip"), all);
            assertEquals(List.of("http://flip.pincer.test:" + port + "/rebound"), flip.args());

            run.expect("nohint.socket", "ran");
            run.expect("nohint.url", "ran");
            run.expect("none.socket", "ran");
            run.expect("none.url", "ran");
            assertTrue(checks.stream().noneMatch(c -> c.ctx().equals(noHint) || c.ctx().isEmpty()), all);
            assertFalse(run.stderr.contains("could not instrument"), run.stderr);
            assertFalse(run.stderr.contains("sensor error"), run.stderr);
        }
    }

    /**
     * Every hooked file entry point ({@link FileCases}), in a request with the path hint: each
     * reports the CHECKs its case names, with their modes and the platform, once (a hooked method
     * calling another reports once); a blocked one leaves its directory as it was. Without a
     * context nothing is reported and every call runs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void everyFileEntryPointReportsItsMode(String java) throws Exception {
        assumeJvm(java);
        String ctx = "ad000000000000000000000000000009";
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(SensorAgentIT::rules)) {
            long exp = System.currentTimeMillis() / 1000 + 3600;
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=2s,app=it", List.of("-Dit.header.files=" + TestHeaders.sign(TOKEN, ctx, 2, exp)),
                    "files");
            List<Check> checks = correlator.checks(c -> c.kind() == 3);
            String all = String.join("\n", checks.stream().map(Check::toString).toList());
            assertTrue(checks.stream().allMatch(c -> c.ctx().equals(ctx)), all);
            run.expect("files.javax", "ran");
            List<String> failures = new ArrayList<>();
            for (FileCases.Case c : FileCases.CASES) {
                String none = run.results.get("files.none." + c.name());
                if (none == null || none.startsWith("blocked")) {
                    failures.add(c.name() + " without context: " + none);
                }
                String d = dir.resolve("javax-" + c.name()).toString();
                List<Check> mine = checks.stream().filter(k -> k.arg(1).equals(d) || k.arg(1).startsWith(d + "/"))
                        .toList();
                List<String> modes = mine.stream().map(k -> k.arg(2)).toList();
                if (!modes.equals(c.modes())) {
                    failures.add(c.name() + ": modes " + modes + ", expected " + c.modes() + ": " + mine);
                }
                if (mine.stream().anyMatch(k -> !"unix".equals(k.attrs().get("fs")) || k.attrs().get("api") == null)) {
                    failures.add(c.name() + ": attrs " + mine);
                }
                String outcome = run.results.get("files.javax." + c.name());
                String expected = FileCases.allowed(c) ? "ran" : "blocked";
                if (!expected.equals(outcome)) {
                    failures.add(c.name() + ": " + outcome + ", expected " + expected);
                }
                if (!FileCases.allowed(c) && !"true".equals(run.facts.get("files.javax." + c.name() + ".unchanged"))) {
                    failures.add(c.name() + ": the blocked call changed its directory");
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures) + "\nall: " + all + "\n" + run.stderr);
            assertFalse(run.stderr.contains("could not instrument"), run.stderr);
            assertFalse(run.stderr.contains("sensor error"), run.stderr);
        }
    }

    /** Blocks any call whose args carry the marker EVIL (or a class name with Evil); the probe too. */
    private static Answer rules(Check c) {
        if (c.kind() == 9 && c.arg(0).equals("pincer-probe")) {
            return Answer.block("probe");
        }
        boolean evil = c.args().stream().anyMatch(a -> a.contains("EVIL") || (c.kind() == 8 && a.contains("Evil")))
                || c.attrs().values().stream().anyMatch(v -> v.equals("EVIL"));
        return evil ? Answer.block("test") : Answer.allow();
    }

    /**
     * Issue 8's exec attrs from a real JVM: {@code Runtime.exec(String)} reports its command string,
     * an {@code envp} and a {@code ProcessBuilder.environment()} change report what differs from
     * the JVM's environment (never what is the same), and an attr alone can block.
     */
    private void execForms(Run run, List<Check> checks) {
        run.expect("none.exec.split", "ran");
        run.fact("none.exec.split.marker", "true");
        Check split = one(checks, 2, "", "none-split-ok.marker");
        assertEquals(List.of("touch", dir.resolve("none-split-ok.marker").toString()), split.args());
        assertEquals("string", split.attrs().get("exec.form"), split.toString());
        assertEquals("touch\t" + dir.resolve("none-split-ok.marker"), split.attrs().get("exec.command"));
        assertTrue(split.attrs().keySet().stream().noneMatch(k -> k.startsWith("env.")), split.toString());
        run.expect("none.exec.split.evil", "blocked");
        run.fact("none.exec.split.evil.marker", "false");
        assertEquals("string", one(checks, 2, "", "none-split-EVIL").attrs().get("exec.form"));

        run.expect("none.exec.envp", "ran");
        run.fact("none.exec.envp.out", "none-envp");
        Check envp = one(checks, 2, "", "none-envp-out.txt");
        assertEquals("argv", envp.attrs().get("exec.form"), envp.toString());
        assertEquals("none-envp", envp.attrs().get("env.PINCER_IT_VAR"), envp.toString());
        assertFalse(envp.attrs().containsKey("env.PATH"), "the JVM's own PATH is not reported: " + envp);
        assertFalse(envp.attrs().containsKey("exec.command"), envp.toString());

        run.expect("none.exec.pbenv", "ran");
        Check pb = one(checks, 2, "", "none-pb-env");
        assertEquals(Map.of("env.PINCER_IT_PB", "none-pb"), envAttrs(pb), pb.toString());

        run.expect("none.exec.envevil", "blocked");
        run.fact("none.exec.envevil.marker", "false");
        assertEquals("EVIL", one(checks, 2, "", "none-env-evil").attrs().get("env.PINCER_IT_BAD"));
    }

    private static Map<String, String> envAttrs(Check c) {
        Map<String, String> m = new LinkedHashMap<>();
        c.attrs().forEach((k, v) -> {
            if (k.startsWith("env.") && !k.equals("env.M")) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** The one CHECK of {@code kind} and {@code ctx} whose args, joined by "|", contain {@code marker}. */
    private static Check one(List<Check> checks, int kind, String ctx, String marker) {
        List<Check> found = checks.stream().filter(c -> c.kind() == kind && c.ctx().equals(ctx)
                && String.join("|", c.args()).contains(marker)).toList();
        assertEquals(1, found.size(), "kind " + kind + ", ctx " + ctx + ", marker " + marker + ": " + found
                + "\nall: " + checks);
        return found.get(0);
    }

    // ---- fail modes ----------------------------------------------------------------------------

    /**
     * The app's own view from a real agent, javax and jakarta: INPUTS once, before the request's
     * first CHECK; the parameter map only once the app read a parameter (through the hooked
     * {@code HttpServletRequestWrapper}); never a container parse the app did not ask for.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void appViewGoesBeforeTheFirstCheckWithoutParsingTheBody(String java) throws Exception {
        assumeJvm(java);
        String[] ids = {"a1000000000000000000000000000001", "a2000000000000000000000000000002",
            "a3000000000000000000000000000003", "a4000000000000000000000000000004"};
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(SensorAgentIT::rules)) {
            long exp = System.currentTimeMillis() / 1000 + 3600;
            List<String> props = List.of(
                    "-Dit.header.jq=" + TestHeaders.sign(TOKEN, ids[0], 1, exp),
                    "-Dit.header.jp=" + TestHeaders.sign(TOKEN, ids[1], 1, exp),
                    "-Dit.header.kq=" + TestHeaders.sign(TOKEN, ids[2], 1, exp),
                    "-Dit.header.kp=" + TestHeaders.sign(TOKEN, ids[3], 1, exp));
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=2s,app=it", props, "appview");
            for (String api : List.of("javax", "jakarta")) {
                run.expect(api + ".q", "ran");
                run.expect(api + ".p", "ran");
                run.fact(api + ".q.parametersParsed", "false");
                run.fact(api + ".p.parametersParsed", "true");
                run.fact(api + ".p.note", "from-body");
            }
            for (int i = 0; i < ids.length; i++) {
                String ctx = ids[i];
                List<FakeCorrelator.Inputs> in = correlator.inputs().stream().filter(x -> x.ctx().equals(ctx)).toList();
                assertEquals(1, in.size(), ctx + ": " + correlator.inputs());
                List<FakeCorrelator.Entry> entries = in.get(0).entries();
                assertTrue(entries.contains(new FakeCorrelator.Entry(1, "id", "1'--")), entries.toString());
                assertTrue(entries.contains(new FakeCorrelator.Entry(2, "Host", "shop.example")), entries.toString());
                boolean readParams = i % 2 == 1;
                assertEquals(readParams, entries.contains(new FakeCorrelator.Entry(1, "note", "from-body")),
                        entries.toString());
                assertFalse(in.get(0).truncated());
            }
            assertEquals(0, correlator.malformed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void failClosedBlocksWhenNoVerdictComes(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = silentButProbe()) {
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=100ms,fail=closed", List.of(), "fail");
            run.expect("fail.exec.ok", "blocked");
            run.fact("fail.exec.ok.marker", "false");
            run.expect("fail.jndi", "blocked");
            assertTrue(run.stderr.contains("\"event\":\"fail_closed\",\"kind\":\"exec\""), run.stderr);
            assertTrue(run.stderr.contains("\"why\":\"timeout\""), run.stderr);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void failOpenRunsWhenNoVerdictComes(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = silentButProbe()) {
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=100ms,fail=open", List.of(), "fail");
            run.expect("fail.exec.ok", "ran");
            run.fact("fail.exec.ok.marker", "true");
            run.expect("fail.exec.evil", "ran");
            run.expect("fail.jndi", "error:NoInitialContextException");
            assertTrue(run.stderr.contains("\"event\":\"fail_open\",\"kind\":\"exec\""), run.stderr);
        }
    }

    private static FakeCorrelator silentButProbe() throws Exception {
        return new FakeCorrelator(TOKEN).rules(c -> c.kind() == 9 && c.arg(0).equals("pincer-probe")
                ? Answer.block("probe") : Answer.silence());
    }

    /** No correlator and a bad setting: one clear line, and the app starts and runs all the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void appStartsWithoutCorrelatorAndWithABadSetting(String java) throws Exception {
        assumeJvm(java);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Run run = launch(java, "correlator=127.0.0.1:" + port + ",token=" + TOKEN + ",timeout=soon", List.of(),
                "nocorrelator");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30));
        run.expect("nocorrelator.exec.ok", "ran");
        run.expect("nocorrelator.sql.update", "ran");
        long configLines = run.stderr.lines().filter(l -> l.contains("config ")).count();
        assertEquals(1, configLines, run.stderr);
        assertTrue(run.stderr.contains("[pincer-sensor] ERROR config timeout: soon (expected: a positive duration"),
                run.stderr);
        assertTrue(run.stderr.contains("cannot connect to the correlator"), run.stderr);
    }

    // ---- child JVM -----------------------------------------------------------------------------

    private static String agentJar() {
        String jar = System.getProperty("pincer.agent.jar", "target/pincer-sensor.jar");
        assertTrue(new File(jar).isFile(), jar + " (run after package)");
        return jar;
    }

    /** The app's classpath: the test classes, H2, both servlet APIs; never the sensor's classes. */
    private static String childClasspath() throws Exception {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {SinkApp.class, org.h2.Driver.class, javax.servlet.Servlet.class,
            jakarta.servlet.Servlet.class}) {
            cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, cp);
    }

    private final class Run {
        final String stdout;
        final String stderr;
        final Map<String, String> results = new LinkedHashMap<>();
        final Map<String, String> facts = new LinkedHashMap<>();

        Run(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
            for (String line : stdout.split("\n")) {
                String[] p = line.split(" ", 3);
                if (p.length >= 3 && p[0].equals("RESULT")) {
                    results.put(p[1], p[2]);
                } else if (p.length >= 2 && p[0].equals("FACT")) {
                    facts.put(p[1], p.length == 3 ? p[2] : "");
                }
            }
        }

        void expect(String name, String outcome) {
            assertNotNull(results.get(name), name + " did not run:\n" + stdout + "\n" + stderr);
            assertEquals(outcome, results.get(name), name);
        }

        void fact(String name, String value) {
            assertEquals(value, facts.get(name), name);
        }
    }

    private Run launch(String java, String agentArgs, List<String> props, String scenario) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-javaagent:" + agentJar() + "=" + agentArgs);
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(childClasspath());
        cmd.add(SinkApp.class.getName());
        cmd.add(scenario);
        cmd.add(dir.toString());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PINCER_"));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out:\n" + Files.readString(out) + "\n" + Files.readString(err));
        }
        Run run = new Run(Files.readString(out), Files.readString(err));
        assertEquals(0, p.exitValue(), "exit code\n" + run.stdout + "\n" + run.stderr);
        assertTrue(run.stdout.contains("DONE"), run.stdout + "\n" + run.stderr);
        return run;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
