package dev.pincer.signatures.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pmFromFile FILES} (alias {@code @pmf}): {@code @pm} with its phrases read from data files,
 * one phrase a line, relative to the rule file's directory (see {@link DataFiles}; several files
 * are separated by spaces). Lines that are empty, blank, or whose first non-blank char is
 * {@code #} are skipped; other lines are phrases exactly as written (a trailing {@code \r} is
 * dropped; no {@code |hex|} syntax, as in v3). Case-insensitive; TX.0 as {@code @pm}.
 *
 * <p>Example: {@code @pmFromFile lfi-os-files.data} matches {@code /etc/passwd}.
 */
final class PmFromFile {

    private PmFromFile() {
    }

    static Operator create(String argument, Path ruleFileDir) {
        List<String> phrases = new ArrayList<>();
        for (String line : DataFiles.lines(argument, ruleFileDir)) {
            if (!DataFiles.isComment(line)) {
                phrases.add(line);
            }
        }
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("data file '" + argument.trim() + "' holds no phrase");
        }
        return new Pm(AhoCorasick.build(phrases));
    }
}
