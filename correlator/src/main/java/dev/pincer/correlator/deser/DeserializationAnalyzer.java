package dev.pincer.correlator.deser;

import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Evidence;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;

/**
 * Unsafe deserialization: the class about to be deserialized ({@code args[0]}) is a known gadget
 * ({@link GadgetList}), whatever the request's inputs (serialized streams are binary and rarely
 * show up as an input, so there is nothing to correlate). Array descriptors are unwrapped
 * ({@code [Lorg.foo.Bar;}, {@code [[Lorg/foo/Bar;}), internal names ({@code a/b/C}) read as binary
 * names. The finding's input is always null.
 *
 * <p>Example: {@code [Lorg.apache.commons.collections.functors.InvokerTransformer;} is a finding
 * ("deserializes gadget class ..."); {@code java.util.HashMap} is not.
 */
public final class DeserializationAnalyzer implements SinkAnalyzer {
    /** Class names are at most a few hundred characters; anything longer is not looked at past this. */
    private static final int MAX_NAME = 1024;

    @Override
    public SinkKind kind() {
        return SinkKind.DESERIALIZE;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String name = normalize(call.arg(0));
        String entry = GadgetList.match(name);
        if (entry == null) {
            return null;
        }
        return new Finding(AttackClass.DESERIALIZATION, null, Evidence.of(name),
                "deserializes gadget class " + name + " (deny-list entry " + entry + ")");
    }

    /** {@code [[Lcom/x/Y;} to {@code com.x.Y}; blanks trimmed; bounded. */
    static String normalize(String raw) {
        String s = raw.strip();
        if (s.length() > MAX_NAME) {
            s = s.substring(0, MAX_NAME);
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        if (i > 0 && i < s.length() && s.charAt(i) == 'L' && s.endsWith(";")) {
            s = s.substring(i + 1, s.length() - 1);
        } else if (i > 0) {
            s = s.substring(i);
        }
        return s.replace('/', '.');
    }
}
