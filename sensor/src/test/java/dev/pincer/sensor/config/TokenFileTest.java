package dev.pincer.sensor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token from a file (token_file, pincer.token_file, PINCER_TOKEN_FILE): never on a command line. */
class TokenFileTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path p = dir.resolve("token");
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static ConfigLoader load(String args, Map<String, String> props, Map<String, String> env) {
        return ConfigLoader.load(args, props::get, env::get);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret-token-0123456", "s3cret-token-0123456\n", "s3cret-token-0123456\r\n"})
    void theFileContentWithoutItsTrailingLineBreakIsTheToken(String content) throws Exception {
        String path = file(content).toString();
        for (ConfigLoader l : new ConfigLoader[] {
            load("token_file=" + path, Map.of(), Map.of()),
            load(null, Map.of("pincer.token_file", path), Map.of()),
            load(null, Map.of(), Map.of("PINCER_TOKEN_FILE", path))}) {
            assertEquals("s3cret-token-0123456", l.config().token());
            assertTrue(l.problems().isEmpty(), l.problems().toString());
        }
    }

    @Test
    void tokenAndTokenFileTogetherIsAProblemAndTheFileWins() throws Exception {
        String path = file("from-the-file\n").toString();
        ConfigLoader l = load(null, Map.of("pincer.token_file", path), Map.of("PINCER_TOKEN", "from-env"));
        assertEquals("from-the-file", l.config().token());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).contains("PINCER_TOKEN and pincer.token_file are both set"), l.problems().get(0));
        assertFalse(l.problems().get(0).contains("from-env"), "the token is never echoed");
    }

    @Test
    void aMissingFileIsAProblemAndNoToken() {
        ConfigLoader l = load("token_file=" + dir.resolve("absent"), Map.of(), Map.of());
        assertNull(l.config().token());
        assertTrue(l.problems().get(0).startsWith("token_file: "), l.problems().get(0));
        assertTrue(l.problems().get(0).contains("cannot be read"), l.problems().get(0));
    }

    @Test
    void anEmptyFileIsAProblem() throws Exception {
        ConfigLoader l = load("token_file=" + file("\n"), Map.of(), Map.of());
        assertNull(l.config().token());
        assertTrue(l.problems().get(0).contains("is empty"), l.problems().get(0));
    }

    @Test
    void aFileAtTheSizeLimitIsReadAndOneByteMoreIsNot() throws Exception {
        String atLimit = "t".repeat(ConfigLoader.MAX_TOKEN_FILE_BYTES);
        assertEquals(atLimit, load("token_file=" + file(atLimit), Map.of(), Map.of()).config().token());
        ConfigLoader over = load("token_file=" + file(atLimit + "t"), Map.of(), Map.of());
        assertNull(over.config().token());
        assertTrue(over.problems().get(0).contains("is over 4096 bytes"), over.problems().get(0));
    }
}
