package dev.pincer.inspection.testing;

import dev.pincer.inspection.input.Input;
import java.util.List;
import java.util.stream.Collectors;

/** Readable renderings for assertion messages: inputs as vector-file lines, hint bits as names. */
public final class Formats {
    private Formats() {
    }

    /** One line per input, as written in vector files, so a failure diff reads like the file. */
    public static String lines(List<Input> inputs) {
        return inputs.stream().map(Formats::line).collect(Collectors.joining("\n"));
    }

    public static String line(Input in) {
        String name = in.name().isEmpty() || in.name().contains(" ") || in.name().contains("\"")
                ? quote(in.name()) : escape(in.name());
        String s = in.source().label() + ":" + name + " " + quote(in.raw());
        return in.decoded().equals(in.raw()) ? s : s + " " + quote(in.decoded());
    }

    public static String bits(int bits) {
        if (bits == 0) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (String[] b : new String[][] {{"1", "syntax"}, {"2", "path"}, {"4", "url"}}) {
            if ((bits & Integer.parseInt(b[0])) != 0) {
                s.append(s.length() == 0 ? "" : "|").append(b[1]);
            }
        }
        return s.toString();
    }

    private static String quote(String s) {
        return "\"" + escape(s).replace("\"", "\\\"") + "\"";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
