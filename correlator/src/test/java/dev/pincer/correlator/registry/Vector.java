package dev.pincer.correlator.registry;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;

/**
 * One test vector: a request's inputs, one sink call, and the expected verdict.
 *
 * @param file   the vector file
 * @param line   the line the vector starts on
 * @param name   a short description (defaults to the first sink argument)
 * @param inputs the request inputs
 * @param args   the sink arguments
 * @param attrs  the sink attributes
 * @param expect {@code null} for "allow", else the expected attack class label
 * @param expectInput {@code null}, or the input the finding must name, as {@link Input#where()}
 *               ({@code query:host})
 */
public record Vector(String file, int line, String name, List<Input> inputs, List<String> args,
        Map<String, String> attrs, String expect, String expectInput) {

    public SinkCall call(SinkKind kind) {
        return new SinkCall("ctx", kind, args, attrs, "");
    }

    public RequestInputs requestInputs() {
        return new RequestInputs(inputs, null, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + (expect == null ? "allow" : "block") + " " + name;
    }
}
