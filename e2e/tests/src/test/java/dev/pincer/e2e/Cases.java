package dev.pincer.e2e;

import dev.pincer.e2e.corpus.Corpus;
import dev.pincer.e2e.corpus.Corpus.Case;
import dev.pincer.e2e.corpus.Corpus.Group;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Turns the corpora into JUnit dynamic tests: a container per file and group, a test per case. */
final class Cases {
    private Cases() {
    }

    /** What a suite does with one case. */
    @FunctionalInterface
    interface Check {
        void run(Corpus corpus, Group group, Case c) throws Throwable;
    }

    static Stream<DynamicNode> attacks(Check check) {
        return files(Corpus.ATTACK_FILES, check);
    }

    static Stream<DynamicNode> benign(Check check) {
        return files(Corpus.BENIGN_FILES, check);
    }

    private static Stream<DynamicNode> files(List<String> names, Check check) {
        return names.stream().map(Corpus::load).map(corpus -> DynamicContainer.dynamicContainer(corpus.file(),
                corpus.groups().stream().map(g -> DynamicContainer.dynamicContainer(g.name() + ": " + g.what(),
                        g.cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + shown(c),
                                () -> check.run(corpus, g, c)))))));
    }

    /** The case value as a display name: escaped, shortened. */
    static String shown(Case c) {
        StringBuilder sb = new StringBuilder(c.wire() ? "wire:" : "");
        String v = c.value();
        for (int i = 0; i < v.length() && sb.length() < 70; i++) {
            char ch = v.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.length() >= 70 ? sb + "..." : sb.toString();
    }
}
