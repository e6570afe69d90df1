package dev.pincer.sensor.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sensor agent's main packages form no cycle. Reads every compiled class under
 * {@code target/classes}, takes from its constant pool every class it names (class entries and
 * the descriptors of fields, methods and signatures), keeps the edges between packages of this
 * module, and fails naming one cycle if Tarjan's algorithm finds a strongly connected component of
 * more than one package. A sub-package counts as its own package ({@code client} may be used by
 * {@code internal}, and the other way round would be a cycle). The shaded third-party classes
 * ({@code dev/pincer/sensor/shaded}) are left out: they are relocated at package time, not ours.
 */
class PackageCyclesTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final String ROOT = "dev/pincer/sensor";
    private static final Pattern REF = Pattern.compile("L(" + ROOT + "/[\\w/$]+)[;<]");

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertTrue(graph.size() > 10, "found the compiled packages: " + graph.keySet());
        List<List<String>> cycles = new Tarjan(graph).components();
        assertEquals(List.of(), cycles, "package cycles (each group reaches every other through imports)");
    }

    /** A self-check: the reader sees the edges it must, so an empty result means something. */
    @Test
    void seesKnownEdges() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertTrue(graph.get(ROOT + "/jdbc").contains(ROOT + "/bootstrap"), graph.get(ROOT + "/jdbc").toString());
        assertTrue(graph.get(ROOT + "/internal").contains(ROOT + "/client"), graph.get(ROOT + "/internal").toString());
    }

    /** Regression: {@code appview} was missing from {@code Own}, so its classes were not treated as the sensor's. */
    @Test
    void everyMainPackageIsTheSensorsOwn() throws IOException {
        for (String p : graph().keySet()) {
            String className = p.replace('/', '.') + ".Any";
            assertTrue(dev.pincer.sensor.internal.Own.isSensorClass(className), p);
        }
    }

    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(CLASSES.resolve(ROOT))) {
            files = s.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.toString().replace('\\', '/').contains(ROOT + "/shaded/")).toList();
        }
        for (Path f : files) {
            String from = packageOf(CLASSES.relativize(f).toString().replace('\\', '/'));
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            try (InputStream in = Files.newInputStream(f)) {
                for (String name : referencedClasses(in)) {
                    String p = packageOf(name);
                    if (p.startsWith(ROOT) && !p.equals(from)) {
                        to.add(p);
                    }
                }
            }
        }
        return graph;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** Every class named by the constant pool (JVMS 4.4): class entries and descriptors in UTF-8 entries. */
    static List<String> referencedClasses(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        List<String> out = new ArrayList<>();
        for (int idx : classIndexes) {
            String n = utf8[idx];
            out.add(n.startsWith("[") ? n.replaceAll("^\\[+L?|;$", "") : n);
        }
        for (String s : utf8) {
            if (s != null) {
                Matcher m = REF.matcher(s);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** Strongly connected components of more than one node, each sorted, in a stable order. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> out = new ArrayList<>();
        private int next;

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return out;
        }

        private void visit(String v) {
            index.put(v, next);
            low.put(v, next++);
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> c = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    c.add(w);
                } while (!w.equals(v));
                if (c.size() > 1) {
                    out.add(new ArrayList<>(new TreeSet<>(c)));
                }
            }
        }
    }
}
