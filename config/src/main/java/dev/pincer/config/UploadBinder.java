package dev.pincer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection.uploads} and {@code routes[i].protection.uploads}: {@code enabled}
 * (true or false) and {@code allow} (a list of media types, {@code type/subtype} or
 * {@code type/*}). Globally an absent key takes its default; in a route it inherits.
 *
 * <p>Example: {@code allow: [image/png, "image/*", application/pdf]}; {@code allow: [png]} is
 * reported as {@code pincer.yaml:9: protection.uploads.allow[0]: png (expected: a media type such as
 * image/png or image/*)}.
 */
final class UploadBinder {
    private static final List<String> KEYS = List.of("enabled", "allow");
    private static final String TYPE = "a media type such as image/png or image/*";
    private static final int MAX_TYPES = 1000;

    private UploadBinder() {
    }

    /** The global settings: every absent key takes {@link UploadConfig#DEFAULT}'s value. */
    static UploadConfig bind(Nodes nodes, Node node, String path) {
        UploadConfig r = bindRoute(nodes, node, path);
        return r.over(UploadConfig.DEFAULT);
    }

    /** A route's settings: every absent key stays null (inherit). */
    static UploadConfig bindRoute(Nodes nodes, Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping with enabled and allow", KEYS);
        if (m == null) {
            return UploadConfig.INHERIT;
        }
        Boolean enabled = m.has("enabled") ? m.bool("enabled", true) : null;
        List<String> allow = m.has("allow") ? allow(nodes, m.get("allow"), m.path("allow")) : null;
        return new UploadConfig(enabled, allow);
    }

    private static List<String> allow(Nodes nodes, Node node, String path) {
        List<Node> items = nodes.list(node, path, "a list of media types", false);
        if (items == null) {
            return List.of();
        }
        if (items.size() > MAX_TYPES) {
            nodes.problems().add(node, path, items.size() + " types", "at most " + MAX_TYPES + " types");
            return List.of();
        }
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            String t = nodes.parsed(items.get(i), p, TYPE, UploadBinder::mediaType);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code type/subtype} or {@code type/*}, each a token; lower-cased. */
    static String mediaType(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1 || !token(t, 0, slash)
                || !(t.substring(slash + 1).equals("*") || token(t, slash + 1, t.length())) || t.startsWith("*")) {
            throw new IllegalArgumentException(TYPE);
        }
        return t;
    }

    private static boolean token(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$&-^_.+".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
