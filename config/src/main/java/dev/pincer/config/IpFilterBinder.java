package dev.pincer.config;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds one {@code ip_filter} mapping ({@code protection.ip_filter} or a route's). Each list file
 * is read and parsed at load, so a missing file or a bad line rejects the config, naming the file
 * and the line:
 * {@code pincer.yaml:6: protection.ip_filter.deny_files[0]: /etc/pincer/deny.txt:12: 10.0.0.300 (expected: ...)}.
 */
final class IpFilterBinder {
    private static final List<String> KEYS = List.of("allow", "deny", "allow_files", "deny_files");
    private static final String CIDR = "an IP address or CIDR block such as 10.0.0.0/8";
    private static final String FILE = "an absolute path to an IP list file";

    private final Nodes nodes;

    IpFilterBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    IpFilterConfig bind(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping with allow, deny, allow_files, deny_files", KEYS);
        if (m == null) {
            return new IpFilterConfig(path, List.of(), List.of(), List.of(), List.of());
        }
        return new IpFilterConfig(path, ranges(m, "allow"), ranges(m, "deny"), files(m, "allow_files"),
                files(m, "deny_files"));
    }

    private List<CidrRange> ranges(YamlMap m, String key) {
        List<CidrRange> out = new ArrayList<>();
        Node node = m.get(key);
        List<Node> items = node == null ? null : nodes.list(node, m.path(key), "a list of " + CIDR + "s", true);
        for (int i = 0; items != null && i < items.size(); i++) {
            CidrRange c = nodes.parsed(items.get(i), m.path(key) + "[" + i + "]", CIDR, IpFilterBinder::cidr);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Path> files(YamlMap m, String key) {
        List<Path> out = new ArrayList<>();
        Node node = m.get(key);
        List<Node> items = node == null ? null : nodes.list(node, m.path(key), "a list of absolute paths to IP list files", true);
        for (int i = 0; items != null && i < items.size(); i++) {
            String at = m.path(key) + "[" + i + "]";
            Path p = nodes.parsed(items.get(i), at, FILE, IpFilterBinder::absolute);
            if (p != null && readable(items.get(i), at, p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Reads and parses the file now; reports why not, or its first bad lines. */
    private boolean readable(Node node, String at, Path file) {
        IpListFile.Parsed parsed;
        try {
            parsed = IpListFile.read(file);
        } catch (IOException e) {
            nodes.problems().add(node, at, file.toString(), "a readable IP list file (" + reason(e) + ")");
            return false;
        }
        for (IpListFile.BadLine bad : parsed.bad()) {
            nodes.problems().add(node, at, file + ":" + bad.line() + ": " + bad.text(), bad.reason());
        }
        if (parsed.badCount() > parsed.bad().size()) {
            nodes.problems().add(node, at, file.toString(), "no bad lines (" + (parsed.badCount() - parsed.bad().size())
                    + " more not shown)");
        }
        return parsed.ok();
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null || e instanceof java.nio.file.FileSystemException ? name
                : name + ": " + e.getMessage();
    }

    private static Path absolute(String text) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(FILE + " (not a path)");
        }
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException(FILE + " (relative paths are not accepted: the working directory "
                    + "of a service is not where its config lives)");
        }
        return p.normalize();
    }

    private static CidrRange cidr(String text) {
        try {
            return CidrRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CIDR + " (" + e.getMessage() + ")");
        }
    }
}
