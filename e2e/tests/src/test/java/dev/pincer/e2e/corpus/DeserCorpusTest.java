package dev.pincer.e2e.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.e2e.corpus.DeserCorpus.Stream;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated deserialization corpora honest: the files are what the generator writes, and
 * every gadget stream is well-formed, so that a plain ObjectInputStream gets as far as loading the
 * gadget class (ClassNotFoundException naming it) or instantiating the JDK one, and never stops
 * earlier on a malformed stream.
 */
class DeserCorpusTest {

    @Test
    void filesMatchTheGenerator() throws Exception {
        assertEquals(DeserCorpus.render(), resource("deserialization.txt"),
                "deserialization.txt is stale: rerun DeserCorpus (see its Javadoc)");
        assertEquals(DeserCorpus.renderBenign(), resource("benign-deserialization.txt"),
                "benign-deserialization.txt is stale: rerun DeserCorpus (see its Javadoc)");
    }

    @Test
    void atLeastThirtyGadgetStreamsAllDistinct() {
        Set<String> distinct = DeserCorpus.attacks().stream().map(Stream::base64).collect(Collectors.toSet());
        assertTrue(distinct.size() >= 30, "only " + distinct.size() + " distinct gadget streams");
    }

    @Test
    void everyGadgetStreamReachesClassResolution() {
        for (Stream s : DeserCorpus.attacks()) {
            byte[] bytes = Serial.stream(s.top());
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                Object o = in.readObject();
                assertTrue(o != null, s.what());
            } catch (ClassNotFoundException e) {
                // the expected end for a library gadget: the stream named a class that is not here
            } catch (Exception e) {
                fail(s.what() + ": the stream did not parse up to class resolution: " + e, e);
            }
        }
    }

    @Test
    void benignStreamsDeserialize() throws Exception {
        for (Stream s : DeserCorpus.benign()) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Serial.stream(s.top())))) {
                assertTrue(in.readObject() != null, s.what());
            }
        }
    }

    private static String resource(String name) throws Exception {
        try (var in = DeserCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
