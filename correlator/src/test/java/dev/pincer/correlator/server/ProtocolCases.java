package dev.pincer.correlator.server;

import dev.pincer.config.ProtectionConfig.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code server/protocol-cases.txt}; the format is described at the top of that file. */
final class ProtocolCases {
    record Case(String name, Mode mode, boolean handshake, int version, String input, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ProtocolCases() {
    }

    static List<Case> load(String resource) throws IOException {
        String text;
        try (InputStream in = ProtocolCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        Builder b = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("case: ")) {
                if (b != null) {
                    cases.add(b.build());
                }
                b = new Builder(line.substring(6).trim());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else if (b == null) {
                throw new IllegalArgumentException("line before the first case: " + line);
            } else if (line.startsWith("mode: ")) {
                b.mode = Mode.valueOf(line.substring(6).trim().toUpperCase(Locale.ROOT));
            } else if (line.startsWith("version: ")) {
                b.version = Integer.parseInt(line.substring(9).trim());
            } else if (line.equals("handshake: no")) {
                b.handshake = false;
            } else if (line.startsWith("< ")) {
                b.input.append(line.substring(2)).append(' ');
            } else if (line.startsWith("> ")) {
                b.expected.add(line.substring(2).trim());
            } else {
                throw new IllegalArgumentException("bad line in case " + b.name + ": " + line);
            }
        }
        if (b != null) {
            cases.add(b.build());
        }
        return cases;
    }

    private static final class Builder {
        final String name;
        Mode mode = Mode.HYBRID;
        boolean handshake = true;
        int version = 1;
        final StringBuilder input = new StringBuilder();
        final List<String> expected = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Case build() {
            return new Case(name, mode, handshake, version, input.toString(), List.copyOf(expected));
        }
    }
}
