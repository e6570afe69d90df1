package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * File operations other than opening a stream, each on a name under the base directory
 * ({@code files/public}), each vulnerable under {@code /vuln/file/...} and with a safe twin under
 * {@code /safe/file/...} that canonicalizes and answers {@code rejected: outside the base directory}
 * for anything outside the base:
 * <ul>
 *   <li>{@code exists?name=}: {@code new File(base, name).exists()}, answers {@code exists: true} or
 *       {@code exists: false}: whether a file outside the base exists leaks;</li>
 *   <li>{@code delete?name=}: {@code new File(base, name).delete()}, answers {@code deleted: true} or
 *       {@code deleted: false}. So that each attack has something to delete, the victims
 *       {@code <tmp>/files/victim.txt}, {@code <tmp>/victim.txt} and {@code files/public/scratch.txt}
 *       are put back before every delete;</li>
 *   <li>{@code list?dir=}: {@code new File(base, dir).listFiles()}, the names one a line, sorted;</li>
 *   <li>{@code nio?name=}: {@code Files.readAllBytes(base.resolve(name))} (an absolute name replaces the
 *       base, as {@code Path.resolve} does), {@code file:} then the content;</li>
 *   <li>{@code walk?dir=}: {@code Files.walk(base.resolve(dir), 1)}, the file names one a line (at most
 *       {@value #MAX_WALK}).</li>
 * </ul>
 */
final class FileOpsServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    /** Entries a walk answers at most: the demo lists a folder, it does not crawl a disk. */
    static final int MAX_WALK = 500;
    private final transient Fixtures fx;

    FileOpsServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean safe = path.startsWith("/safe/");
        String op = path.substring(path.lastIndexOf('/') + 1);
        String param = op.equals("list") || op.equals("walk") ? "dir" : "name";
        String name = input(req, param);
        if (name == null) {
            missing(resp, param);
            return;
        }
        if (op.equals("delete")) {
            restoreVictims();
        }
        File base = fx.base().toFile();
        File f = op.equals("nio") || op.equals("walk") ? fx.base().resolve(name).toFile() : new File(base, name);
        if (safe) {
            Path canonical = f.getCanonicalFile().toPath();
            if (!canonical.startsWith(base.getCanonicalFile().toPath())) {
                text(resp, "rejected: outside the base directory");
                return;
            }
            f = canonical.toFile();
        }
        try {
            text(resp, run(op, f));
        } catch (NoSuchFileException e) {
            text(resp, "not found");
        } catch (IOException | RuntimeException e) {
            if (e.getClass().getName().startsWith("dev.pincer.")) {
                throw e;
            }
            text(resp, op + " failed: " + brief(e));
        }
    }

    private static String run(String op, File f) throws IOException {
        switch (op) {
            case "exists":
                return "exists: " + f.exists();
            case "delete":
                return "deleted: " + f.delete();
            case "list": {
                File[] files = f.listFiles();
                if (files == null) {
                    return "not a directory";
                }
                return String.join("\n", Arrays.stream(files).map(File::getName).sorted().toList());
            }
            case "nio":
                return "file:\n" + new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
            case "walk":
                try (Stream<Path> s = Files.walk(f.toPath(), 1)) {
                    List<String> names = s.limit(MAX_WALK).map(p -> String.valueOf(p.getFileName())).toList();
                    return String.join("\n", names);
                }
            default:
                return "unknown operation " + op;
        }
    }

    /** Puts back the files the delete attacks (and the benign deletes in the base) remove. */
    private void restoreVictims() throws IOException {
        for (Path p : List.of(fx.dir().resolve("files/victim.txt"), fx.dir().resolve("victim.txt"),
                fx.base().resolve("scratch.txt"))) {
            if (!Files.exists(p)) {
                Files.writeString(p, "victim\n", StandardCharsets.UTF_8);
            }
        }
    }
}
