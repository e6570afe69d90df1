package dev.pincer.e2e.corpus;

import dev.pincer.e2e.corpus.Serial.Arr;
import dev.pincer.e2e.corpus.Serial.Block;
import dev.pincer.e2e.corpus.Serial.ClassRef;
import dev.pincer.e2e.corpus.Serial.Desc;
import dev.pincer.e2e.corpus.Serial.Field;
import dev.pincer.e2e.corpus.Serial.Node;
import dev.pincer.e2e.corpus.Serial.Null;
import dev.pincer.e2e.corpus.Serial.Obj;
import dev.pincer.e2e.corpus.Serial.ProxyDesc;
import dev.pincer.e2e.corpus.Serial.Slot;
import dev.pincer.e2e.corpus.Serial.Str;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The shapes of well-known deserialization gadget chains (the ysoserial family: commons-collections,
 * commons-beanutils, Spring, Groovy, c3p0, ROME, Hibernate, ...), rebuilt as {@link Serial} trees.
 * Library classes need not exist where the stream is read: naming them is the attack a
 * deserialization filter must stop. The few JDK classes used (HashMap, PriorityQueue, TemplatesImpl,
 * BadAttributeValueExpException, ...) are written exactly as the JDK would, so a plain
 * {@code ObjectInputStream} reads them without a stream error. No chain here runs anything: the
 * library classes are absent and TemplatesImpl's bytecode is not a class.
 */
final class Gadgets {
    private Gadgets() {
    }

    static final String CC = "org.apache.commons.collections.";
    static final String CC4 = "org.apache.commons.collections4.";

    /** A serializable library class with the given fields (name, value pairs), no writeObject. */
    static Obj gadget(String cls, Object... nameValues) {
        List<Field> fields = new ArrayList<>();
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            String name = (String) nameValues[i];
            Object v = nameValues[i + 1];
            Field f;
            if (v instanceof Integer) {
                f = new Field(name, 'I', null);
            } else if (v instanceof Boolean) {
                f = new Field(name, 'Z', null);
            } else if (v instanceof Str) {
                f = new Field(name, 'L', "Ljava/lang/String;");
            } else if (v instanceof Arr a) {
                f = new Field(name, '[', a.arrayClass().replace('.', '/'));
            } else {
                f = new Field(name, 'L', "Ljava/lang/Object;");
            }
            fields.add(f);
            pairs.add(new Object[] {f, v});
        }
        Desc desc = new Desc(cls, stableSuid(cls), Serial.SC_SERIALIZABLE, fields, null);
        pairs.sort(Comparator.comparing((Object[] p) -> !((Field) p[0]).primitive())
                .thenComparing(p -> ((Field) p[0]).name()));
        return new Obj(desc, List.of(new Slot(pairs.stream().map(p -> p[1]).toList(), null)));
    }

    /** A made-up but fixed serialVersionUID per class name, so the corpus file is reproducible. */
    static long stableSuid(String cls) {
        long h = 1125899906842597L;
        for (int i = 0; i < cls.length(); i++) {
            h = 31 * h + cls.charAt(i);
        }
        return h;
    }

    static Str str(String s) {
        return new Str(s);
    }

    static final Null NULL = new Null();

    // --- JDK classes, written as the JDK writes them ---

    static Obj hashMap(Node... keyValues) {
        Desc d = new Desc("java.util.HashMap", 362498820763181265L, Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(new Field("loadFactor", 'F', null), new Field("threshold", 'I', null)), null);
        List<Node> custom = new ArrayList<>();
        custom.add(new Block(Serial.ints(16, keyValues.length / 2)));
        custom.addAll(List.of(keyValues));
        return new Obj(d, List.of(new Slot(List.of(0.75f, 12), custom)));
    }

    static Obj arrayList(Node... elements) {
        Desc d = new Desc("java.util.ArrayList", 8683452581122892189L, Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(new Field("size", 'I', null)), null);
        List<Node> custom = new ArrayList<>();
        custom.add(new Block(Serial.ints(elements.length)));
        custom.addAll(List.of(elements));
        return new Obj(d, List.of(new Slot(List.of(elements.length), custom)));
    }

    static Obj hashSet(Node... elements) {
        Desc d = new Desc("java.util.HashSet", -5024744406713321676L, Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(), null);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(16);
            out.writeFloat(0.75f);
            out.writeInt(elements.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Node> custom = new ArrayList<>();
        custom.add(new Block(b.toByteArray()));
        custom.addAll(List.of(elements));
        return new Obj(d, List.of(new Slot(List.of(), custom)));
    }

    /** A PriorityQueue of two Integers ordered by {@code comparator}: the carrier of CC2, CC4, CB1. */
    static Obj priorityQueue(Node comparator) {
        Desc d = new Desc("java.util.PriorityQueue", -7720805057305804111L, Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(new Field("size", 'I', null), new Field("comparator", 'L', "Ljava/util/Comparator;")), null);
        List<Node> custom = List.of(new Block(Serial.ints(3)), integer(1), integer(2));
        return new Obj(d, List.of(new Slot(List.of(2, comparator), custom)));
    }

    static Obj integer(int v) {
        Desc number = new Desc("java.lang.Number", -8742448824652078965L, Serial.SC_SERIALIZABLE, List.of(), null);
        Desc d = new Desc("java.lang.Integer", 1360826667806852920L, Serial.SC_SERIALIZABLE,
                List.of(new Field("value", 'I', null)), number);
        return new Obj(d, List.of(new Slot(List.of(), null), new Slot(List.of(v), null)));
    }

    /** BadAttributeValueExpException: its readObject calls toString() on {@code val} (CC5's trigger). */
    static Obj badAttributeValue(Node val) {
        Desc throwable = new Desc("java.lang.Throwable", -3042686055658047285L,
                Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(new Field("cause", 'L', "Ljava/lang/Throwable;"),
                        new Field("detailMessage", 'L', "Ljava/lang/String;"),
                        new Field("stackTrace", '[', "[Ljava/lang/StackTraceElement;"),
                        new Field("suppressedExceptions", 'L', "Ljava/util/List;")), null);
        Desc exception = new Desc("java.lang.Exception", -3387516993124229948L, Serial.SC_SERIALIZABLE, List.of(), throwable);
        Desc d = new Desc("javax.management.BadAttributeValueExpException", -3105272988410493376L,
                Serial.SC_SERIALIZABLE, List.of(new Field("val", 'L', "Ljava/lang/Object;")), exception);
        return new Obj(d, List.of(
                new Slot(List.of(NULL, NULL, NULL, NULL), List.of()),
                new Slot(List.of(), null),
                new Slot(List.of(val), null)));
    }

    /**
     * TemplatesImpl, the JDK's XSLTC translet holder: getOutputProperties() defines and runs the
     * class in {@code _bytecodes}. Here the "bytecode" is plain text, and nothing calls it.
     */
    static Obj templatesImpl() {
        Desc d = new Desc("com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl", 673094361519270707L,
                Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD,
                List.of(new Field("_indentNumber", 'I', null), new Field("_transletIndex", 'I', null),
                        new Field("_bytecodes", '[', "[[B"), new Field("_class", '[', "[Ljava/lang/Class;"),
                        new Field("_name", 'L', "Ljava/lang/String;"),
                        new Field("_outputProperties", 'L', "Ljava/util/Properties;")), null);
        Arr bytecode = new Arr("[B", null, "not a class: pincer e2e".getBytes(StandardCharsets.US_ASCII));
        Arr bytecodes = new Arr("[[B", List.of(bytecode), null);
        return new Obj(d, List.of(new Slot(List.of(0, -1, bytecodes, NULL, str("Pwnr"), NULL),
                List.of(new Block(new byte[] {0})))));
    }

    static Obj proxy(Node handler, String... interfaces) {
        return new Obj(new ProxyDesc(List.of(interfaces)), List.of(new Slot(List.of(handler), null), new Slot(List.of(), null)));
    }

    static Arr objects(String arrayClass, Node... elements) {
        return new Arr(arrayClass, List.of(elements), null);
    }

    // --- commons-collections building blocks ---

    static Obj invoker(String cc, String method, Node... args) {
        return gadget(cc + "functors.InvokerTransformer", "iMethodName", str(method),
                "iParamTypes", objects("[Ljava.lang.Class;", new ClassRef("java.lang.String")),
                "iArgs", objects("[Ljava.lang.Object;", args));
    }

    static Obj chain(String cc) {
        return gadget(cc + "functors.ChainedTransformer", "iTransformers",
                objects("[L" + cc + "Transformer;",
                        gadget(cc + "functors.ConstantTransformer", "iConstant", new ClassRef("java.lang.Runtime")),
                        invoker(cc, "getMethod", str("getRuntime")),
                        invoker(cc, "invoke", NULL),
                        invoker(cc, "exec", str("touch /tmp/pincer-never"))));
    }

    static Obj lazyMap(String cc) {
        return gadget(cc + "map.LazyMap", "factory", chain(cc), "map", hashMap());
    }
}
