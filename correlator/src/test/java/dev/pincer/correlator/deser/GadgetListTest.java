package dev.pincer.correlator.deser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.Deserialization;
import dev.pincer.config.CorrelatorConfig.DeserializationMode;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The deny-list file and its matching; the deny-list exemptions {@code allow} makes in denylist mode. */
class GadgetListTest {

    /** The entries issue 8 names explicitly, each present under its own name and cited. */
    @ParameterizedTest
    @ValueSource(strings = {"ch.qos.logback.core.db.DriverManagerConnectionSource",
        "org.apache.commons.collections.map.LazyMap", "org.apache.commons.collections.map.TransformedMap",
        "org.apache.commons.collections4.map.LazyMap", "org.apache.commons.configuration.ConfigurationMap",
        "com.sun.jndi.rmi.registry.ReferenceWrapper", "java.beans.EventHandler",
        "java.rmi.server.RemoteObjectInvocationHandler", "sun.rmi.server.UnicastRef", "sun.rmi.server.UnicastRef2",
        "java.rmi.server.UnicastRemoteObject", "sun.rmi.transport.tcp.TCPEndpoint", "sun.rmi.registry.RegistryImpl_Stub",
        "java.rmi.registry.Registry", "java.rmi.server.RemoteObject"})
    void namedEntriesArePresentAndCited(String cls) {
        assertEquals(cls, GadgetList.DEFAULT.match(cls));
        assertFalse(GadgetList.DEFAULT.source(cls).isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.apache.commons.collections.functors.InvokerTransformer",
        "org.apache.commons.collections.functors.InstantiateTransformer",
        "org.apache.commons.collections.functors.ChainedTransformer",
        "org.apache.commons.collections4.functors.InvokerTransformer",
        "org.apache.commons.collections4.functors.InstantiateTransformer",
        "org.apache.commons.collections4.functors.ChainedTransformer"})
    void commonsCollectionsFunctorsAreCovered(String cls) {
        assertNotNull(GadgetList.DEFAULT.match(cls), cls);
    }

    @Test
    void theShippedListLoadsWithEveryEntryCited() {
        assertTrue(GadgetList.DEFAULT.size() > 150, "entries: " + GadgetList.DEFAULT.size());
    }

    @Test
    void theLongestEntryWins() {
        GadgetList l = GadgetList.parse("a.b. src one\na.b.C src two\n", "t");
        assertEquals("a.b.C", l.match("a.b.C$D"));
        assertEquals("a.b.", l.match("a.b.E"));
        assertEquals("a.b.", l.match("a.b.c.F"));
        assertNull(l.match("a.bc.D"));
        assertNull(l.match("a.b"));
        assertEquals("a.b.", l.match("a.b.CD"), "a.b.C covers a.b.C$D, not a.b.CD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            org.example.Gadget                    | t:1: org.example.Gadget (expected: the source of the entry after it)
            org..example.Gadget src               | t:1: org..example.Gadget (expected: a binary class name or a package prefix ending in .)
            org.example.* src                     | t:1: org.example.* (expected: a binary class name or a package prefix ending in .)
            .org.example src                      | t:1: .org.example (expected: a binary class name or a package prefix ending in .)
            """)
    void badLinesNameFileLineAndEntry(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GadgetList.parse(line, "t"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aRepeatedEntryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GadgetList.parse("# c\na.B one\n\na.B two\n", "t"));
        assertEquals("t:4: a.B (expected: each entry once)", e.getMessage());
    }

    /**
     * In denylist mode {@code allow} only exempts gadget entries, and only when at least as precise:
     * an RMI-client app names the stub classes it receives; a broad package does not open a gadget.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            java.rmi.server.RemoteObject                                   | allow
            javax.management.remote.rmi.RMIServerImpl_Stub                 | allow
            org.apache.commons.collections.functors.ConstantTransformer    | allow
            org.apache.commons.collections.functors.InvokerTransformer     | block
            java.rmi.server.RemoteObjectInvocationHandler                  | block
            org.apache.commons.collections.map.LazyMap                     | block
            com.other.Anything                                             | allow
            """)
    void denylistModeExemptsOnlyPreciseEntries(String cls, String verdict) {
        DeserializationAnalyzer a = new DeserializationAnalyzer(new Deserialization(DeserializationMode.DENYLIST,
                List.of("java.rmi.server.RemoteObject", "javax.management.remote.rmi.RMIServerImpl_Stub",
                        "org.apache.commons.collections.functors.ConstantTransformer", "org.apache.commons.")));
        Finding f = a.analyze(new SinkCall("", SinkKind.DESERIALIZE, List.of(cls), Map.of(), ""), RequestInputs.EMPTY);
        assertEquals(verdict, f == null ? "allow" : "block", () -> cls + ": " + f);
    }

    @Test
    void aFindingCitesTheEntryAndItsSource() {
        Finding f = new DeserializationAnalyzer().analyze(new SinkCall("", SinkKind.DESERIALIZE,
                List.of("java.rmi.server.RemoteObjectInvocationHandler"), Map.of(), ""), RequestInputs.EMPTY);
        assertNotNull(f);
        assertTrue(f.reason().contains("deny-list entry java.rmi.server.RemoteObjectInvocationHandler: ysoserial JRMPClient"),
                f.reason());
    }

    /**
     * Hostile names (a sensor frame is hostile too): huge, all dots, all dollars, control
     * characters, array brackets without an end. Each is judged (in both modes) without an
     * exception, and in allowlist mode none of them passes.
     */
    @ParameterizedTest
    @ValueSource(strings = {".", "$", "[", "[L", "[L;", ";", "\u0000", "a..b", "a.$.b"})
    void hostileNamesAreJudgedWithoutAnException(String unit) {
        DeserializationAnalyzer allowlist = new DeserializationAnalyzer(new Deserialization(DeserializationMode.ALLOWLIST,
                List.of("com.shop.", "com.shop.Cart")));
        DeserializationAnalyzer denylist = new DeserializationAnalyzer();
        for (String name : List.of(unit, unit.repeat(1_000_000), "com.shop" + unit.repeat(100_000), "[[[[" + unit)) {
            SinkCall call = new SinkCall("", SinkKind.DESERIALIZE, List.of(name), Map.of(), "");
            Finding f = allowlist.analyze(call, RequestInputs.EMPTY);
            assertNotNull(f, () -> "allowlist mode let through " + name.substring(0, Math.min(40, name.length())));
            denylist.analyze(call, RequestInputs.EMPTY);
        }
    }

    @Test
    void aNameAtTheLengthLimitIsJudgedAndOneLongerIsCut() {
        String base = "org.apache.commons.collections.functors.";
        String atLimit = base + "X".repeat(ClassNames.MAX_NAME - base.length());
        assertEquals(ClassNames.MAX_NAME, ClassNames.normalize(atLimit).length());
        assertEquals(ClassNames.MAX_NAME, ClassNames.normalize(atLimit + "Y").length());
        assertNotNull(GadgetList.DEFAULT.match(ClassNames.normalize(atLimit + "Y")));
    }
}
