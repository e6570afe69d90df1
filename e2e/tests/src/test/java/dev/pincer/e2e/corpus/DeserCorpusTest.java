package dev.pincer.e2e.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.e2e.corpus.DeserCorpus.Stream;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import dev.pincer.e2e.harness.AttackerListener;
import java.util.List;
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

    /**
     * The JDK's JRMP chain is real here and now: every JRMP stream, read by a plain
     * ObjectInputStream on this JVM (no sensor), connects to the listener its endpoint was
     * rewritten to, before readObject returns.
     */
    @Test
    void everyJrmpStreamConnectsToItsEndpointWhileBeingRead() throws Exception {
        assertTrue(DeserCorpus.jrmp().size() >= 7);
        for (Stream s : DeserCorpus.jrmp()) {
            try (AttackerListener attacker = new AttackerListener()) {
                byte[] bytes = java.util.Base64.getDecoder().decode(
                        AttackerListener.rewrite(Corpus.ATTACKER + s.base64(), attacker.port()));
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    in.readObject();
                } catch (Exception e) {
                    fail(s.what() + ": the stream did not deserialize: " + e, e);
                }
                assertTrue(attacker.connectedWithin(2000), s.what() + ": no connection to the endpoint");
            }
        }
    }

    @Test
    void jrmpRowsCarryThePlaceholderAndTheConnectProof() {
        Corpus c = Corpus.parse("deserialization.txt", DeserCorpus.render());
        List<Corpus.Group> jrmp = c.groups().stream().filter(g -> g.name().startsWith("jrmp")).toList();
        assertEquals(2, jrmp.size());
        for (Corpus.Group g : jrmp) {
            assertTrue(g.proof() instanceof Corpus.Proof.Connect, g.name());
            assertTrue(g.cases().stream().allMatch(k -> k.value().startsWith(Corpus.ATTACKER)), g.name());
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
