package dev.pincer.signatures.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates CRS rule files at random (seeded, so a failure replays) and parses the result with
 * {@link RuleFileParser} and the three sub-parsers. A {@link RuleFileException} or an
 * {@link IllegalArgumentException} is a fine outcome; any other throwable is a bug.
 *
 * <p>Mutations favour the bytes the syntax turns on: quotes, backslashes, line ends, blanks,
 * {@code #}, commas, colons, pipes, {@code !&@/%{}}, plus NUL and arbitrary bytes.
 */
class RuleFileFuzzTest {

    /** Replay or widen a run with {@code -Dpincer.fuzz.seed=N -Dpincer.fuzz.iterations=M}. */
    private static final long SEED = Long.getLong("pincer.fuzz.seed", 0x5ec1a9L);
    private static final int ITERATIONS = Integer.getInteger("pincer.fuzz.iterations", 1500);
    private static final char[] SYNTAX = "\"'\\\n\r \t#,:|!&@/%{}=;+-$^*?".toCharArray();

    @Test
    void mutatedCrsFilesFailOnlyWithParseErrors() throws IOException {
        List<String> corpus = new ArrayList<>();
        Path crs = TestData.crsDir();
        corpus.add(Files.readString(crs.resolve("crs-setup.conf.example"), StandardCharsets.ISO_8859_1));
        try (Stream<Path> files = Files.list(crs.resolve("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
                corpus.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            String original = corpus.get(random.nextInt(corpus.size()));
            String mutated = mutate(original, random);
            try {
                for (Directive d : RuleFileParser.parse(mutated, "fuzz.conf")) {
                    subParse(d);
                }
                parsed++;
            } catch (RuleFileException e) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("iteration " + iteration + " (seed " + SEED + "): " + t, t);
            }
        }
        // Both outcomes must occur, or the mutations are too weak or too strong to mean anything.
        assertTrue(parsed > ITERATIONS / 20, "parsed " + parsed);
        assertTrue(rejected > ITERATIONS / 20, "rejected " + rejected);
    }

    /** Random strings over the syntax alphabet and a few names, straight into each sub-parser. */
    @Test
    void randomRulePartsFailOnlyWithIllegalArgument() {
        String[] words = {"ARGS", "TX", "XML", "REQUEST_HEADERS", "@rx", "@pm", "id", "msg", "setvar", "t", "ctl",
                "%{tx.x}", "/^a/", "'", "''", "\\'", "!", "&", "|", ":", ","};
        Random random = new Random(SEED + 1);
        int accepted = 0;
        for (int iteration = 0; iteration < ITERATIONS * 10; iteration++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(3)) {
                    case 0 -> sb.append(words[random.nextInt(words.length)]);
                    case 1 -> sb.append(SYNTAX[random.nextInt(SYNTAX.length)]);
                    default -> sb.append((char) random.nextInt(256));
                }
            }
            String input = sb.toString();
            for (int parser = 0; parser < 3; parser++) {
                try {
                    switch (parser) {
                        case 0 -> VariableParser.parse(input);
                        case 1 -> OperatorParser.parse(input);
                        default -> ActionParser.parse(input);
                    }
                    accepted++;
                } catch (IllegalArgumentException expected) {
                    // fine
                } catch (Throwable t) {
                    throw new AssertionError("parser " + parser + " on '" + input + "' (seed " + SEED + "): " + t, t);
                }
            }
        }
        assertTrue(accepted > 0, "some random parts parse");
    }

    private static void subParse(Directive d) {
        try {
            switch (d.name()) {
                case "SecRule" -> {
                    VariableParser.parse(d.argument(0));
                    OperatorParser.parse(d.argument(1));
                    if (d.argument(2) != null) {
                        ActionParser.parse(d.argument(2));
                    }
                }
                case "SecAction", "SecDefaultAction" -> ActionParser.parse(d.argument(0));
                case "SecRuleUpdateTargetById" -> VariableParser.parse(d.argument(1));
                default -> { }
            }
        } catch (IllegalArgumentException expected) {
            // A rejected part: the compiler reports it with the directive's location.
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && sb.length() > 0; m++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(6)) {
                case 0 -> sb.insert(at, SYNTAX[random.nextInt(SYNTAX.length)]);
                case 1 -> sb.insert(at, (char) random.nextInt(256));
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(40)));
                case 3 -> sb.setCharAt(at, SYNTAX[random.nextInt(SYNTAX.length)]);
                case 4 -> {
                    int end = Math.min(sb.length(), at + 1 + random.nextInt(200));
                    sb.insert(random.nextInt(sb.length()), sb.substring(at, end));
                }
                default -> {
                    // Remove a line-continuation backslash or a quote: the commonest hand errors.
                    int i = indexOfAny(sb, at, random.nextBoolean() ? '\\' : '"');
                    if (i >= 0) {
                        sb.deleteCharAt(i);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int indexOfAny(StringBuilder sb, int from, char c) {
        int i = sb.indexOf(String.valueOf(c), from);
        return i >= 0 ? i : sb.indexOf(String.valueOf(c));
    }
}
