package dev.pincer.signatures.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry: names as v3 spells and matches them, and coverage of what CRS v4.28 uses. */
class TransformationsTest {

    /** {@code t:name} where an action list has it: after a quote, a comma or whitespace. */
    private static final Pattern T_ACTION = Pattern.compile("(?:^|[,\"'\\s])t:([A-Za-z0-9]+)");

    @Test
    void namesMatchCaseInsensitivelyAsV3sLexerDoes() {
        assertSame(Transformations.byName("base64Decode"), Transformations.byName("base64decode"));
        assertSame(Transformations.byName("urlDecodeUni"), Transformations.byName("URLDECODEUNI"));
        assertEquals("base64Decode", Transformations.byName("BASE64DECODE").name());
    }

    @Test
    void unknownNamesAreRejectedWithTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transformations.byName("x"));
        assertEquals("unknown transformation 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transformations.byName(""));
        assertThrows(IllegalArgumentException.class, () -> Transformations.byName("cmd_line"),
                "cmd_line is only v3's internal test spelling; its lexer knows cmdLine");
        assertThrows(IllegalArgumentException.class, () -> Transformations.byName("lowercasex"));
        assertThrows(IllegalArgumentException.class, () -> Transformations.byName("lowerca\u212Ae"),
                "the Kelvin sign folds to k in Unicode, not in v3's ASCII lexer");
        assertThrows(NullPointerException.class, () -> Transformations.byName(null));
    }

    @Test
    void bothSpellingsOfNormalizePathAreRegistered() {
        for (String name : List.of("normalizePath", "normalisePath", "normalizePathWin", "normalisePathWin")) {
            assertTrue(Transformations.names().contains(name), name);
            assertEquals(name, Transformations.byName(name).name());
        }
        assertEquals("a/c", Transformations.byName("normalisePathWin").apply("a\\b\\..\\c"));
    }

    @Test
    void everyInstanceAnswersToItsOwnName() {
        for (String name : Transformations.names()) {
            assertEquals(name, Transformations.byName(name).name());
        }
        assertEquals(38, Transformations.names().size(), "v3's 36 transformations, normalizePath(Win) in both spellings: "
                + Transformations.names());
    }

    @Test
    void noneIsTheIdentity() {
        String value = "%41 \0\u00ff";
        assertSame(value, Transformations.byName("none").apply(value));
    }

    /** Every t: of the CRS v4.28 rules and crs-setup.conf.example resolves, comments aside. */
    @Test
    void knowsEveryTransformationCrsUses() throws IOException {
        Path crs = CrsDir.find();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> rules = Files.newDirectoryStream(crs.resolve("rules"), "*.conf")) {
            rules.forEach(files::add);
        }
        files.add(crs.resolve("crs-setup.conf.example"));
        Set<String> used = new TreeSet<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                if (line.strip().startsWith("#")) {
                    continue;
                }
                Matcher m = T_ACTION.matcher(line);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(files.size() > 20 && used.size() >= 15, "found too little in " + crs + ": " + used);
        Set<String> unknown = new TreeSet<>();
        for (String name : used) {
            try {
                Transformations.byName(name);
            } catch (IllegalArgumentException e) {
                unknown.add(name);
            }
        }
        assertEquals(Set.of(), unknown, "CRS uses transformations Pincer lacks");
    }
}
