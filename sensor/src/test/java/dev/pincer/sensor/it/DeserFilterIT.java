package dev.pincer.sensor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Answer;
import dev.pincer.sensor.testing.FakeCorrelator.Check;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The process-wide deserialization filter in real child JVMs (this build's JDK and Temurin 25):
 * installed as a filter factory, chained in front of {@code jdk.serialFilter} and of a stream's
 * own filter (never replacing them, never overruling their refusals), refusing the JDK-only JRMP
 * chain in streams that never call {@code super.resolveClass} before it connects anywhere, asking
 * once per class when the verdict may be cached, and following the fail mode without a correlator.
 * The same streams with {@code deser_filter=off} prove the chain really connects.
 */
class DeserFilterIT {
    private static final String TOKEN = "integration-test-token-0123456789";
    private static final String JDK_FILTER = "-Djdk.serialFilter=!dev.pincer.sensor.it.FilterApp$AppRefused";

    @TempDir
    Path dir;

    static Stream<String> jvms() {
        return Arrays.stream(System.getProperty("pincer.it.jvms", System.getProperty("java.home") + "/bin/java")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct();
    }

    /** The test correlator: the JRMP handler, the registry stub and the Evil classes are refused. */
    private static Answer rules(Check c) {
        if (c.kind() == 9 && c.arg(0).equals("pincer-probe")) {
            return Answer.block("probe");
        }
        if (c.kind() != 8) {
            return Answer.allow();
        }
        String cls = c.arg(0);
        if (cls.equals("java.rmi.server.RemoteObjectInvocationHandler") || cls.equals("sun.rmi.registry.RegistryImpl_Stub")
                || cls.contains("Evil")) {
            return Answer.block("deserialization");
        }
        return cls.equals("java.util.HashSet") ? Answer.allow(0) : Answer.allow(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void filterRefusesWhatBypassesResolveClassAndChainsTheAppsFilters(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(DeserFilterIT::rules)) {
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN + ",timeout=2s",
                    List.of(JDK_FILTER), "on");
            run.fact("factory", "true");
            assertTrue(run.facts.get("static").contains("AppRefused"), "jdk.serialFilter is still the JVM-wide filter: "
                    + run.facts.get("static"));
            assertTrue(run.stderr.contains("deserialization filter installed as a filter factory"), run.stderr);
            run.expect("on.nosuper.list", "ran");
            run.expect("on.nosuper.gadget", "error:InvalidClassException");
            run.fact("on.nosuper.gadget.ran", "0");
            run.expect("on.nosuper.jrmp", "error:InvalidClassException");
            run.expect("on.nosuper.stub", "error:InvalidClassException");
            run.expect("on.unshared.jrmp", "error:InvalidClassException");
            run.expect("on.plain.jrmp", "blocked");
            run.fact("on.trap.connections", "0");
            // chained, never replaced
            run.expect("on.chain.static", "error:InvalidClassException");
            run.expect("on.chain.stream", "error:InvalidClassException");
            run.expect("on.chain.streamAllowsAll", "error:InvalidClassException");
            run.expect("on.chain.streamAllowsList", "ran");
            run.fact("on.gadget.ran", "0");
            List<Check> deser = correlator.checks(c -> c.kind() == 8);
            String all = deser.toString();
            assertTrue(deser.stream().anyMatch(c -> c.arg(0).equals("java.rmi.registry.Registry")),
                    "the filter judges proxy interfaces: " + all);
            assertTrue(deser.stream().anyMatch(c -> c.arg(0).equals("java.rmi.server.RemoteObjectInvocationHandler")), all);
            assertTrue(deser.stream().noneMatch(c -> c.arg(0).contains("$Proxy")), "proxy classes are not asked: " + all);
            assertTrue(deser.stream().noneMatch(c -> c.arg(0).startsWith("[") && c.arg(0).length() == 2),
                    "primitive arrays are not asked: " + all);
            // AppRefused: allowed by Pincer, then refused by jdk.serialFilter
            assertEquals(1, count(deser, "dev.pincer.sensor.it.FilterApp$AppRefused"), all);
            // asked once for 50 reads (cache=2); HashSet (cache=0) once per read, not twice (hook, then filter)
            assertEquals(1, count(deser, "java.util.LinkedList"), all);
            assertEquals(3, count(deser, "java.util.HashSet"), all);
            assertEquals(0, correlator.malformed());
        }
    }

    /** Without the filter the same JRMP streams connect to the trap: the chain is real. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void withoutTheFilterTheJrmpChainConnects(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(DeserFilterIT::rules)) {
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN
                    + ",timeout=2s,deser_filter=off", List.of(), "off");
            run.fact("factory", "false");
            run.expect("off.nosuper.jrmp", "ran");
            run.expect("off.nosuper.stub", "ran");
            run.expect("off.plain.jrmp", "blocked"); // the resolveClass hook still judges plain streams
            assertTrue(Integer.parseInt(run.facts.get("off.trap.connections")) >= 2,
                    "the JRMP chain connected: " + run.facts);
        }
    }

    /**
     * An app that set its own filter factory ({@code -Djdk.serialFilterFactory}) keeps it: the JVM
     * takes no second one, the sensor says so in one line, the app's factory still works, and the
     * resolveClass hook still refuses the JRMP chain in plain streams.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void anAppsOwnFilterFactoryIsLeftAloneAndTheHookStillJudges(String java) throws Exception {
        assumeJvm(java);
        try (FakeCorrelator correlator = new FakeCorrelator(TOKEN).rules(DeserFilterIT::rules)) {
            Run run = launch(java, "correlator=127.0.0.1:" + correlator.port() + ",token=" + TOKEN + ",timeout=2s",
                    List.of("-Djdk.serialFilterFactory=dev.pincer.sensor.it.FilterApp$AppFactory"), "appfactory");
            run.fact("factory", "false");
            run.fact("appfactory.factory", "the app's factory");
            assertTrue(run.stderr.contains("deserialization filter not installed: the JVM refused a filter factory"),
                    run.stderr);
            run.expect("appfactory.app.refuses", "error:InvalidClassException");
            run.expect("appfactory.plain.jrmp", "blocked");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void failClosedRefusesWithoutACorrelator(String java) throws Exception {
        assumeJvm(java);
        Run run = launch(java, "correlator=127.0.0.1:" + freePort() + ",token=" + TOKEN + ",fail=closed",
                List.of(), "down");
        run.fact("factory", "true");
        run.expect("down.nosuper.list", "error:InvalidClassException");
        run.expect("down.nosuper.jrmp", "error:InvalidClassException");
        // the filter sees the proxy's Registry interface before resolveClass sees any class
        run.expect("down.plain.jrmp", "error:InvalidClassException");
        run.fact("down.trap.connections", "0");
        assertTrue(run.stderr.contains("\"event\":\"fail_closed\",\"kind\":\"deserialize\""), run.stderr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvms")
    void failOpenLetsStreamsThroughWithoutACorrelator(String java) throws Exception {
        assumeJvm(java);
        Run run = launch(java, "correlator=127.0.0.1:" + freePort() + ",token=" + TOKEN + ",fail=open",
                List.of(), "down");
        run.expect("down.nosuper.list", "ran");
        run.expect("down.nosuper.jrmp", "ran");
        assertTrue(run.stderr.contains("\"event\":\"fail_open\",\"kind\":\"deserialize\""), run.stderr);
    }

    private static long count(List<Check> checks, String cls) {
        return checks.stream().filter(c -> c.arg(0).equals(cls)).count();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void assumeJvm(String java) {
        Assumptions.assumeTrue(new File(java).canExecute(), "JVM " + java + " is not installed: skipping it");
    }

    private static final class Run {
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
            assertEquals(outcome, results.get(name), name + "\n" + stdout + "\n" + stderr);
        }

        void fact(String name, String value) {
            assertEquals(value, facts.get(name), name + "\n" + stdout + "\n" + stderr);
        }
    }

    private Run launch(String java, String agentArgs, List<String> props, String scenario) throws Exception {
        String jar = System.getProperty("pincer.agent.jar", "target/pincer-sensor.jar");
        assertTrue(new File(jar).isFile(), jar + " (run after package)");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-javaagent:" + jar + "=" + agentArgs);
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(Path.of(FilterApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        cmd.add(FilterApp.class.getName());
        cmd.add(scenario);
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
}
