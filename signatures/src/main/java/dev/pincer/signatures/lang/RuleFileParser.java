package dev.pincer.signatures.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads ModSecurity rule files into {@link Directive}s, following {@code Include}.
 *
 * <p>Syntax (ModSecurity v3, {@code src/parser/seclang-scanner.ll}): see
 * {@link DirectiveScanner} for lines, comments, continuations and quoting. Files are read as
 * bytes, one char per byte (ISO-8859-1), so arguments carry the file's bytes exactly: a UTF-8
 * {@code é} in a regex is the two chars {@code \u00c3\u00a9}, as PCRE sees it outside UTF mode.
 * A NUL byte is an error (v3 would silently stop reading there); a UTF-8 byte order mark at the
 * start of a file is skipped.
 *
 * <p>{@code Include path} (quoted or not) reads another file in place. A relative path is
 * resolved against the including file's directory, or against the working directory for text
 * given to {@link #parse(String, String)}. {@code *} and {@code ?} expand to the sorted matches
 * (see {@link Glob}); a pattern matching nothing, a missing file, a directory, an include cycle
 * and a nesting depth over 32 are errors. {@code Include} itself is never returned.
 *
 * <p>Every input is bounded (see {@link Limits#DEFAULT}): 16 MiB per file, 64 MiB in all,
 * 256 KiB per logical line, 100,000 directives, 10,000 files.
 *
 * <p>Example: {@code RuleFileParser.parse(Path.of("/etc/crs/main.conf"))} where
 * {@code main.conf} holds {@code Include crs-setup.conf} and {@code Include rules/*.conf} gives
 * the directives of crs-setup.conf and then those of every rule file, in name order.
 */
public final class RuleFileParser {

    /** EF BB BF read one char per byte. */
    private static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

    private final Limits limits;
    private final List<Directive> out = new ArrayList<>();
    private final Deque<Path> stack = new ArrayDeque<>();
    private long totalBytes;
    private int files;

    private RuleFileParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Parses {@code file} and everything it includes.
     *
     * @throws RuleFileException on the first error, naming file, line, directive and reason
     */
    public static List<Directive> parse(Path file) {
        return parse(file, Limits.DEFAULT);
    }

    /**
     * Parses {@code text} as the content of a file called {@code fileName} (used in locations);
     * relative includes resolve against the working directory.
     *
     * @throws RuleFileException on the first error, naming file, line, directive and reason
     */
    public static List<Directive> parse(String text, String fileName) {
        return parse(text, fileName, Limits.DEFAULT);
    }

    static List<Directive> parse(Path file, Limits limits) {
        Objects.requireNonNull(file, "file");
        RuleFileParser parser = new RuleFileParser(limits);
        parser.file(file, null);
        return List.copyOf(parser.out);
    }

    static List<Directive> parse(String text, String fileName, Limits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        RuleFileParser parser = new RuleFileParser(limits);
        SourceLocation top = new SourceLocation(fileName, 1);
        if (text.length() > limits.maxFileBytes()) {
            throw new RuleFileException(top, null, "file larger than " + limits.maxFileBytes() + " bytes");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                throw new RuleFileException(new SourceLocation(fileName, lineAt(text, i)), null,
                        "char above 0xff: rule text must be one char per byte");
            }
        }
        parser.totalBytes = text.length();
        parser.files = 1;
        parser.text(text, fileName, Path.of("").toAbsolutePath());
        return List.copyOf(parser.out);
    }

    /** Reads one file; {@code from} is the Include that names it, null for the top file. */
    private void file(Path path, Directive from) {
        SourceLocation where = from != null ? from.location() : new SourceLocation(path.toString(), 1);
        String directive = from != null ? from.name() : null;
        if (++files > limits.maxFiles()) {
            throw new RuleFileException(where, directive, "more than " + limits.maxFiles() + " rule files");
        }
        if (stack.size() > limits.maxIncludeDepth()) {
            throw new RuleFileException(where, directive, "includes nested deeper than " + limits.maxIncludeDepth());
        }
        Path real;
        try {
            if (Files.isDirectory(path)) {
                throw new RuleFileException(where, directive, "is a directory, not a file: " + path);
            }
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RuleFileException(where, directive, "file not found: " + path);
        } catch (IOException e) {
            throw new RuleFileException(where, directive, "cannot read " + path + ": " + e, e);
        }
        if (stack.contains(real)) {
            StringBuilder cycle = new StringBuilder();
            boolean in = false;
            for (var it = stack.descendingIterator(); it.hasNext(); ) {
                Path p = it.next();
                in |= p.equals(real);
                if (in) {
                    cycle.append(p).append(" -> ");
                }
            }
            throw new RuleFileException(where, directive, "include cycle: " + cycle + real);
        }
        byte[] bytes = read(path, real, where, directive);
        totalBytes += bytes.length;
        if (totalBytes > limits.maxTotalBytes()) {
            throw new RuleFileException(where, directive, "rule files larger than " + limits.maxTotalBytes()
                    + " bytes in all");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        stack.push(real);
        Path parent = path.toAbsolutePath().getParent();
        text(text, path.toString(), parent != null ? parent : Path.of("").toAbsolutePath());
        stack.pop();
    }

    private byte[] read(Path path, Path real, SourceLocation where, String directive) {
        try (InputStream in = Files.newInputStream(real)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes() + 1));
            if (bytes.length > limits.maxFileBytes()) {
                throw new RuleFileException(where, directive, path + ": file larger than "
                        + limits.maxFileBytes() + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleFileException(where, directive, "cannot read " + path + ": " + e, e);
        }
    }

    private void text(String fileText, String fileName, Path dir) {
        // A UTF-8 byte order mark, as Windows editors write it, is not part of the first directive.
        String text = fileText.startsWith(UTF8_BOM) ? fileText.substring(UTF8_BOM.length()) : fileText;
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new RuleFileException(new SourceLocation(fileName, lineAt(text, nul)), null, "NUL byte in rule file");
        }
        for (Directive d : DirectiveScanner.scan(text, fileName, limits)) {
            if (d.name().equals("Include")) {
                include(d, dir);
                continue;
            }
            if (out.size() >= limits.maxDirectives()) {
                throw new RuleFileException(d.location(), d.name(), "more than " + limits.maxDirectives() + " directives");
            }
            out.add(d);
        }
    }

    private void include(Directive include, Path dir) {
        String pattern = include.arguments().get(0);
        if (pattern.isEmpty()) {
            throw new RuleFileException(include.location(), include.name(), "empty path");
        }
        if (!Glob.isPattern(pattern)) {
            Path path;
            try {
                path = dir.resolve(pattern).normalize();
            } catch (InvalidPathException e) {
                throw new RuleFileException(include.location(), include.name(), "invalid path '" + pattern + "'", e);
            }
            file(path, include);
            return;
        }
        List<Path> matches;
        try {
            matches = Glob.expand(dir, pattern, limits.maxFiles());
        } catch (IOException | RuntimeException e) {
            throw new RuleFileException(include.location(), include.name(), "cannot expand '" + pattern + "': " + e, e);
        }
        if (matches.isEmpty()) {
            throw new RuleFileException(include.location(), include.name(), "no file matches '" + pattern + "'");
        }
        if (matches.size() > limits.maxFiles()) {
            throw new RuleFileException(include.location(), include.name(), "'" + pattern + "' matches more than "
                    + limits.maxFiles() + " files");
        }
        for (Path match : matches) {
            file(match, include);
        }
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
