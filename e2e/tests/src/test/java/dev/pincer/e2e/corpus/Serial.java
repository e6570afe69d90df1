package dev.pincer.e2e.corpus;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the Java Object Serialization Stream Protocol (Java Object Serialization Specification,
 * chapter 6) by hand, so a stream can name any class, present on a class path or not. Streams are
 * trees of {@link Node}s; no back-references are written (a repeated class gets a new descriptor,
 * which the format allows).
 *
 * <p>Example: {@code Serial.stream(Serial.object(Serial.desc("org.example.Gadget", 1L), List.of()))}
 * is {@code AC ED 00 05 73 72 00 12 "org.example.Gadget" ... 78 70}.
 */
public final class Serial {
    static final int TC_NULL = 0x70;
    static final int TC_CLASSDESC = 0x72;
    static final int TC_OBJECT = 0x73;
    static final int TC_STRING = 0x74;
    static final int TC_ARRAY = 0x75;
    static final int TC_CLASS = 0x76;
    static final int TC_BLOCKDATA = 0x77;
    static final int TC_ENDBLOCKDATA = 0x78;
    static final int TC_PROXYCLASSDESC = 0x7D;
    static final int SC_WRITE_METHOD = 0x01;
    static final int SC_SERIALIZABLE = 0x02;

    private Serial() {
    }

    /** One element of a stream. */
    public interface Node {
        void write(DataOutputStream out) throws IOException;
    }

    /** A field of a class descriptor: {@code type} is a JVM type code, {@code className} its signature for L and [. */
    public record Field(String name, char type, String className) {
        boolean primitive() {
            return type != 'L' && type != '[';
        }
    }

    /** A class descriptor, with its serializable superclass (or null). */
    public record Desc(String name, long suid, int flags, List<Field> fields, Desc parent) implements Node {
        public Desc {
            // The format wants primitive fields first; each kind sorted by name, as the JDK writes them.
            fields = fields.stream().sorted(Comparator.comparing((Field f) -> !f.primitive())
                    .thenComparing(Field::name)).toList();
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_CLASSDESC);
            out.writeUTF(name);
            out.writeLong(suid);
            out.writeByte(flags);
            out.writeShort(fields.size());
            for (Field f : fields) {
                out.writeByte(f.type());
                out.writeUTF(f.name());
                if (!f.primitive()) {
                    new Str(f.className()).write(out);
                }
            }
            out.writeByte(TC_ENDBLOCKDATA);
            if (parent == null) {
                out.writeByte(TC_NULL);
            } else {
                parent.write(out);
            }
        }

        /** This descriptor and its parents, outermost superclass first: the order of class data. */
        List<Desc> hierarchy() {
            List<Desc> out = new ArrayList<>();
            for (Desc d = this; d != null; d = d.parent()) {
                out.add(0, d);
            }
            return out;
        }
    }

    /** The class data of one level of an object: field values in descriptor order, then any custom data. */
    public record Slot(List<Object> values, List<Node> custom) {
    }

    /** {@code TC_OBJECT}: a descriptor and one slot per level of its hierarchy. */
    public record Obj(Node desc, List<Slot> slots) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_OBJECT);
            desc.write(out);
            for (Slot s : slots) {
                for (Object v : s.values()) {
                    writeValue(out, v);
                }
                if (s.custom() != null) {
                    for (Node n : s.custom()) {
                        n.write(out);
                    }
                    out.writeByte(TC_ENDBLOCKDATA);
                }
            }
        }
    }

    /** A proxy descriptor naming interfaces, with {@code java.lang.reflect.Proxy} as its parent. */
    public record ProxyDesc(List<String> interfaces) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_PROXYCLASSDESC);
            out.writeInt(interfaces.size());
            for (String i : interfaces) {
                out.writeUTF(i);
            }
            out.writeByte(TC_ENDBLOCKDATA);
            PROXY.write(out);
        }
    }

    /** {@code TC_STRING}. */
    public record Str(String value) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_STRING);
            out.writeUTF(value);
        }
    }

    /** {@code TC_NULL}. */
    public record Null() implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_NULL);
        }
    }

    /** {@code TC_CLASS}: a class object (not serializable itself, so suid 0 and no flags). */
    public record ClassRef(String name) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_CLASS);
            new Desc(name, 0L, 0, List.of(), null).write(out);
        }
    }

    /** {@code TC_ARRAY} of objects, or of bytes when {@code bytes} is set. */
    public record Arr(String arrayClass, List<Node> elements, byte[] bytes) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_ARRAY);
            // Arrays' serialVersionUIDs are never checked; write the one the JDK computes for Object[].
            new Desc(arrayClass, -8012369246846506644L, SC_SERIALIZABLE, List.of(), null).write(out);
            if (bytes != null) {
                out.writeInt(bytes.length);
                out.write(bytes);
                return;
            }
            out.writeInt(elements.size());
            for (Node n : elements) {
                n.write(out);
            }
        }
    }

    /** {@code TC_BLOCKDATA}: primitive data written by a writeObject method. */
    public record Block(byte[] data) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeByte(TC_BLOCKDATA);
            out.writeByte(data.length);
            out.write(data);
        }
    }

    /**
     * Content an {@code ObjectOutputStream} wrote, without its 4-byte header: for streams whose
     * classes' private data formats ({@code RemoteObject.writeObject}) are best left to the JDK.
     */
    public record Raw(byte[] data) implements Node {
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.write(data);
        }
    }

    static final Desc PROXY = new Desc("java.lang.reflect.Proxy", -2222568056686623797L, SC_SERIALIZABLE,
            List.of(new Field("h", 'L', "Ljava/lang/reflect/InvocationHandler;")), null);

    /** A whole stream: magic, version, one top-level object. */
    public static byte[] stream(Node top) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(0xACED);
            out.writeShort(5);
            top.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v instanceof Node n) {
            n.write(out);
        } else if (v instanceof Integer i) {
            out.writeInt(i);
        } else if (v instanceof Float f) {
            out.writeFloat(f);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Long l) {
            out.writeLong(l);
        } else if (v == null) {
            out.writeByte(TC_NULL);
        } else {
            throw new IllegalArgumentException("no stream form for " + v.getClass());
        }
    }

    /** Bytes as a writeObject method's primitive data, big-endian. */
    static byte[] ints(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            for (int v : values) {
                out.writeInt(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
