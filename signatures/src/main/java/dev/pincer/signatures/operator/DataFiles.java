package dev.pincer.signatures.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the data files of {@code @pmFromFile} and {@code @ipMatchFromFile}: one or more paths
 * separated by spaces, each relative to the directory of the rule file that names it (or
 * absolute), read as bytes (ISO-8859-1, one char per byte), at most {@value #MAX_FILE_BYTES} bytes
 * a file and {@value #MAX_ENTRIES} entries in all. Remote lists ({@code https://...}) are refused:
 * a rule set must not depend on the network to load.
 *
 * <p>Example: {@code lines("lfi-os-files.data", crsRulesDir)} gives the file's lines, without
 * their line ends, the caller then drops comments as its operator does.
 */
final class DataFiles {

    /** A CRS list is at most ~100 KB; 16 MiB leaves room for large IP lists. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** CRS's largest list has 1,833 entries; 1M bounds the automaton at a few tens of MB. */
    static final int MAX_ENTRIES = 1_000_000;

    private DataFiles() {
    }

    /**
     * @param argument the operator argument: paths separated by spaces
     * @param ruleFileDir the directory of the rule file, for relative paths
     * @return every line of every file in order, without its {@code \n} or {@code \r\n}
     * @throws IllegalArgumentException for no path, a URL, a missing, unreadable or oversized file,
     *     or too many lines
     */
    static List<String> lines(String argument, Path ruleFileDir) {
        String[] names = argument.trim().split("[ \t]+");
        if (names.length == 0 || names[0].isEmpty()) {
            throw new IllegalArgumentException("no data file named");
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://") || lower.startsWith("http://")) {
                throw new IllegalArgumentException("remote data file '" + name
                        + "' is not supported: download it and name the local file");
            }
            Path file = ruleFileDir == null ? Path.of(name) : ruleFileDir.resolve(name);
            byte[] bytes;
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException("data file '" + name + "' is " + size
                            + " bytes (at most " + MAX_FILE_BYTES + ")");
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException iae) {
                    throw iae;
                }
                throw new IllegalArgumentException("cannot read data file '" + name + "' (" + file
                        + "): " + e, e);
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl;
                int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lines.add(text.substring(start, stop));
                if (lines.size() > MAX_ENTRIES) {
                    throw new IllegalArgumentException("data files hold more than " + MAX_ENTRIES + " lines");
                }
                start = end + 1;
            }
        }
        return lines;
    }

    /** True for a line ModSecurity skips: empty, only whitespace, or {@code #} after whitespace. */
    static boolean isComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return false;
            }
        }
        return true;
    }
}
