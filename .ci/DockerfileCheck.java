import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the Dockerfile against the Maven build without a Docker engine, so that the image cannot
 * drift from the module list again. Run from the repository root by {@code .ci/check-dockerfile}:
 *
 * <pre>
 *   java .ci/DockerfileCheck.java [--static] [--offline]
 * </pre>
 *
 * Static checks (always, well under a second):
 * <ol>
 *   <li>every module of the reactor (the root pom's {@code <modules>}, recursively) has its
 *       {@code pom.xml} copied into the build stage: Maven reads the whole reactor before
 *       {@code -pl} picks from it;</li>
 *   <li>every module the build stage builds ({@code -pl} plus, with {@code -am}, the
 *       {@code dev.pincer} modules they depend on) has its {@code src} copied;</li>
 *   <li>every path a {@code COPY} takes from the build context exists and is not excluded by
 *       {@code .dockerignore}.</li>
 * </ol>
 * Then, unless {@code --static}, a replay: the build stage's {@code COPY}s (honouring
 * {@code .dockerignore}) into a temporary directory that stands for its {@code WORKDIR}, its
 * {@code RUN}s there with {@code sh -c}, and a check that each {@code COPY --from=build} of the
 * later stages finds its file. {@code --offline} adds {@code -o} to Maven through
 * {@code MAVEN_ARGS}, which is passed through (with {@code -Dmaven.repo.local=...} in it, say).
 * Exit 0 when all is well, 1 with one line per problem.
 *
 * <p>A deliberately small Dockerfile reader: {@code FROM ... AS}, {@code WORKDIR}, {@code COPY}
 * without wildcards, and {@code RUN} in shell form; any other instruction is not replayed.
 */
public class DockerfileCheck {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.pincer</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>",
            Pattern.DOTALL);

    record Instruction(int line, String keyword, String args) {
    }

    record Copy(int line, String from, List<String> sources, String dest) {
    }

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private final List<String[]> ignores = new ArrayList<>(); // {regex, "!" or ""}

    DockerfileCheck(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Set<String> flags = Set.of(args);
        DockerfileCheck check = new DockerfileCheck(Path.of("").toAbsolutePath());
        boolean ok = check.run(!flags.contains("--static"), flags.contains("--offline"));
        System.exit(ok ? 0 : 1);
    }

    boolean run(boolean replay, boolean offline) throws Exception {
        List<Instruction> dockerfile = parse(Files.readAllLines(root.resolve("Dockerfile")));
        readIgnores();
        Map<String, List<Instruction>> stages = stages(dockerfile);
        List<Instruction> build = stages.get("build");
        if (build == null) {
            problems.add("Dockerfile: no stage named build (FROM ... AS build)");
            return report();
        }
        List<Copy> buildCopies = copies(build);
        Map<String, String> modules = modules(); // dir -> artifactId
        for (String dir : modules.keySet()) {
            String pom = dir.isEmpty() ? "pom.xml" : dir + "/pom.xml";
            if (!copied(buildCopies, pom)) {
                problems.add("Dockerfile: the build stage does not copy " + pom + ", which the root pom's"
                        + " reactor lists; add: COPY " + pom + " " + (dir.isEmpty() ? "./" : dir + "/"));
            }
        }
        for (String dir : built(build, modules)) {
            if (Files.isDirectory(root.resolve(dir).resolve("src")) && !copied(buildCopies, dir + "/src/")) {
                problems.add("Dockerfile: the build stage builds " + dir + " but does not copy its sources;"
                        + " add: COPY " + dir + "/src " + dir + "/src");
            }
        }
        for (List<Instruction> stage : stages.values()) {
            for (Copy c : copies(stage)) {
                for (String s : c.from == null ? c.sources : List.<String>of()) {
                    checkContextSource(c.line, s);
                }
            }
        }
        if (replay && problems.isEmpty()) {
            replay(stages, offline);
        }
        return report();
    }

    private boolean report() {
        for (String p : problems) {
            System.out.println("check-dockerfile: " + p);
        }
        if (problems.isEmpty()) {
            System.out.println("check-dockerfile: OK");
        }
        return problems.isEmpty();
    }

    // --- the Maven side ------------------------------------------------------------------------

    /** Every reactor module's directory ("" for the root) and its artifactId, parents first. */
    private Map<String, String> modules() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(""));
        while (!todo.isEmpty()) {
            String dir = todo.removeFirst();
            String pom = Files.readString(root.resolve(dir).resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "");
            Matcher a = ARTIFACT.matcher(pom);
            out.put(dir, a.find() ? a.group(1).trim() : dir);
            Matcher m = MODULE.matcher(pom);
            while (m.find()) {
                todo.addLast(dir.isEmpty() ? m.group(1) : dir + "/" + m.group(1));
            }
        }
        return out;
    }

    /** The module directories the build stage's Maven runs build: -pl, and with -am their deps. */
    private Set<String> built(List<Instruction> build, Map<String, String> modules) throws IOException {
        Map<String, String> byArtifact = new LinkedHashMap<>();
        modules.forEach((dir, artifact) -> byArtifact.put(artifact, dir));
        Set<String> out = new LinkedHashSet<>();
        for (Instruction i : build) {
            if (!i.keyword.equals("RUN")) {
                continue;
            }
            Matcher pl = Pattern.compile("(?:-pl|--projects)[ =]([^\\s]+)").matcher(i.args);
            if (!pl.find()) {
                continue;
            }
            boolean am = i.args.matches("(?s).*(\\s-am\\b|--also-make\\b).*");
            Deque<String> todo = new ArrayDeque<>(List.of(pl.group(1).split(",")));
            while (!todo.isEmpty()) {
                String named = todo.removeFirst();
                String dir = named.startsWith(":") ? byArtifact.getOrDefault(named.substring(1), named) : named;
                if (!out.add(dir) || !am || !Files.exists(root.resolve(dir).resolve("pom.xml"))) {
                    continue;
                }
                Matcher d = DEPENDENCY.matcher(Files.readString(root.resolve(dir).resolve("pom.xml")));
                while (d.find()) {
                    String depDir = byArtifact.get(d.group(1).trim());
                    if (depDir != null) {
                        todo.addLast(depDir);
                    }
                }
            }
        }
        return out;
    }

    // --- the Dockerfile side -------------------------------------------------------------------

    /** Instructions with continuation lines joined and comment lines dropped, as Docker does. */
    static List<Instruction> parse(List<String> lines) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = n + 1;
            }
            boolean more = trimmed.endsWith("\\");
            current.append(more ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(more ? " " : "");
            if (!more) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                out.add(new Instruction(start, (space < 0 ? text : text.substring(0, space)).toUpperCase(),
                        space < 0 ? "" : text.substring(space + 1).strip()));
                current = null;
            }
        }
        return out;
    }

    /** Each stage's instructions, by its AS name (or its index when unnamed), in file order. */
    private static Map<String, List<Instruction>> stages(List<Instruction> all) {
        Map<String, List<Instruction>> out = new LinkedHashMap<>();
        List<Instruction> current = null;
        for (Instruction i : all) {
            if (i.keyword.equals("FROM")) {
                String[] words = i.args.split("\\s+");
                String name = words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")
                        ? words[words.length - 1] : String.valueOf(out.size());
                current = new ArrayList<>();
                out.put(name, current);
            } else if (current != null) {
                current.add(i);
            }
        }
        return out;
    }

    private List<Copy> copies(List<Instruction> stage) {
        List<Copy> out = new ArrayList<>();
        for (Instruction i : stage) {
            if (!i.keyword.equals("COPY") && !i.keyword.equals("ADD")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(i.args.split("\\s+")));
            String from = null;
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    from = flag.substring("--from=".length());
                }
            }
            if (words.size() < 2 || i.args.startsWith("[")) {
                problems.add("Dockerfile:" + i.line + ": " + i.keyword + " " + i.args + ": not understood here");
                continue;
            }
            if (words.stream().anyMatch(w -> w.contains("*") || w.contains("?"))) {
                problems.add("Dockerfile:" + i.line + ": wildcards in COPY are not replayed; name the paths");
                continue;
            }
            out.add(new Copy(i.line, from, words.subList(0, words.size() - 1), words.get(words.size() - 1)));
        }
        return out;
    }

    /** Whether a context COPY of the stage brings {@code path} (a file, or a directory with "/"). */
    private static boolean copied(List<Copy> copies, String path) {
        for (Copy c : copies) {
            for (String s : c.from == null ? c.sources : List.<String>of()) {
                String src = s.replaceAll("^\\./", "").replaceAll("/+$", "");
                if (src.equals(".") || src.isEmpty() || path.equals(src) || path.startsWith(src + "/")
                        || (path.endsWith("/") && path.equals(src + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkContextSource(int line, String source) throws IOException {
        String src = source.replaceAll("^\\./", "").replaceAll("/+$", "");
        Path p = root.resolve(src.isEmpty() ? "." : src);
        if (!Files.exists(p)) {
            problems.add("Dockerfile:" + line + ": COPY " + source + ": no such path in the build context");
        } else if (Files.isRegularFile(p) && ignored(src)) {
            problems.add("Dockerfile:" + line + ": COPY " + source + ": excluded by .dockerignore");
        } else if (Files.isDirectory(p) && files(p).stream().allMatch(this::ignored)) {
            problems.add("Dockerfile:" + line + ": COPY " + source + ": every file in it is excluded by .dockerignore");
        }
    }

    // --- .dockerignore -------------------------------------------------------------------------

    private void readIgnores() throws IOException {
        Path file = root.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return;
        }
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = line.startsWith("!");
            String pattern = (negate ? line.substring(1) : line).strip().replaceAll("^/+", "").replaceAll("/+$", "");
            ignores.add(new String[] {glob(pattern), negate ? "!" : ""});
        }
    }

    /** Docker's patterns: {@code **} spans directories, {@code *} and {@code ?} stay within one. */
    static String glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                re.append(".*");
                i += 1;
            } else if (ch == '*') {
                re.append("[^/]*");
            } else if (ch == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return re.toString();
    }

    /** Whether {@code path} (relative to the context, "/"-separated) is left out of the context. */
    boolean ignored(String path) {
        boolean out = false;
        for (String[] rule : ignores) {
            String prefix = path;
            boolean matches = false;
            while (!prefix.isEmpty() && !matches) {
                matches = prefix.matches(rule[0]);
                int slash = prefix.lastIndexOf('/');
                prefix = slash < 0 ? "" : prefix.substring(0, slash);
            }
            if (matches) {
                out = rule[1].isEmpty();
            }
        }
        return out;
    }

    private List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    // --- the replay ----------------------------------------------------------------------------

    private void replay(Map<String, List<Instruction>> stages, boolean offline) throws Exception {
        Path tmp = Files.createTempDirectory("pincer-dockerfile-replay");
        String workdir = "/";
        Path fsRoot = tmp.resolve("fs");
        long started = System.nanoTime();
        for (Instruction i : stages.get("build")) {
            switch (i.keyword) {
                case "WORKDIR" -> {
                    workdir = i.args.startsWith("/") ? i.args : workdir + "/" + i.args;
                    Files.createDirectories(inside(fsRoot, workdir));
                }
                case "COPY", "ADD" -> {
                    for (Copy c : copies(List.of(i))) {
                        copy(c, fsRoot, workdir);
                    }
                }
                case "RUN" -> {
                    System.out.println("check-dockerfile: replaying Dockerfile:" + i.line + ": RUN " + i.args);
                    ProcessBuilder pb = new ProcessBuilder("sh", "-c", i.args).directory(inside(fsRoot, workdir)
                            .toFile()).inheritIO();
                    String mavenArgs = System.getenv().getOrDefault("MAVEN_ARGS", "");
                    pb.environment().put("MAVEN_ARGS", (mavenArgs + (offline ? " -o" : "")).strip());
                    int code = pb.start().waitFor();
                    if (code != 0) {
                        problems.add("Dockerfile:" + i.line + ": RUN exited " + code + " in the replay (kept in "
                                + tmp + ")");
                        return;
                    }
                }
                default -> {
                    // ENV, ARG, LABEL...: nothing the build stage's result depends on today
                }
            }
        }
        for (List<Instruction> stage : stages.values()) {
            for (Copy c : copies(stage)) {
                if ("build".equals(c.from)) {
                    for (String s : c.sources) {
                        if (!Files.exists(inside(fsRoot, s.startsWith("/") ? s : workdir + "/" + s))) {
                            problems.add("Dockerfile:" + c.line + ": COPY --from=build " + s
                                    + ": the build stage did not produce it (kept in " + tmp + ")");
                        }
                    }
                }
            }
        }
        System.out.printf("check-dockerfile: replayed the build stage in %d s%n",
                (System.nanoTime() - started) / 1_000_000_000L);
        if (problems.isEmpty()) {
            delete(tmp);
        }
    }

    private static Path inside(Path fsRoot, String absolute) {
        return fsRoot.resolve(absolute.replaceAll("^/+", "")).normalize();
    }

    /** Docker's COPY: a directory's contents go into dest; a file into dest/ or onto dest. */
    private void copy(Copy c, Path fsRoot, String workdir) throws IOException {
        String destText = c.dest.startsWith("/") ? c.dest : workdir + "/" + c.dest;
        Path dest = inside(fsRoot, destText);
        boolean intoDir = c.dest.endsWith("/") || c.dest.equals(".") || c.sources.size() > 1;
        for (String s : c.sources) {
            String src = s.replaceAll("^\\./", "").replaceAll("/+$", "");
            Path from = root.resolve(src.isEmpty() ? "." : src).normalize();
            if (Files.isDirectory(from)) {
                for (String f : files(from)) {
                    if (!ignored(f)) {
                        place(root.resolve(f), dest.resolve(from.relativize(root.resolve(f)).toString()));
                    }
                }
            } else if (!ignored(src)) {
                place(from, intoDir ? dest.resolve(from.getFileName().toString()) : dest);
            }
        }
    }

    private static void place(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
    }

    private static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
