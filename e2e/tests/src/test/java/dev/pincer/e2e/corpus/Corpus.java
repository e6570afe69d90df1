package dev.pincer.e2e.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One corpus file: groups of cases, each group sent to one endpoint.
 *
 * <p>Format, line by line ({@code #} starts a comment line; blank lines are ignored):
 * <pre>
 * {@literal @}attack_class sqli           file level: the attack_class label security events carry
 * {@literal @}sink sql                    file level: the sink kind label
 * {@literal @}event_input no              file level: events need not name an input (deserialization)
 * {@literal @}group NAME: WHAT            starts a group; WHAT says what the group tests
 * {@literal @}send VIA PATH PARAM         VIA is GET (query), FORM (urlencoded body), JSON (flat object
 *                              body), BODY (raw text body; PARAM is -), HEADER (a request header,
 *                              PARAM its name), COOKIE (a cookie, PARAM its name; the value
 *                              percent-encoded unless wire:) or NAME (the value is sent as a query
 *                              parameter NAME, PARAM its value, - for none: ?VALUE)
 * {@literal @}safe PATH                   the safe twin, sent the same way (attack files)
 * {@literal @}proof PROOF                 how to see that the attack worked on the vulnerable endpoint:
 *                              body~REGEX | marker | rows-deleted | offsite-redirect | echo (the
 *                              case's value comes back verbatim in the body: reflected XSS)
 *                              (in a benign file: that the sink ran and did its ordinary work)
 * {@literal @}expect STATUS               the status expected when nothing is blocked (default 200)
 * VALUE                        a case: the input value, taken as written (outer blanks trimmed)
 * esc:VALUE                    a case with escapes: \n \r \t \0 \s(space) \\ \xHH &#92;uHHHH
 * wire:VALUE                   a case sent exactly as written in the query or form body: its
 *                              percent-encoding is part of the test (double encoding, %00)
 * </pre>
 * Values may hold placeholders the suites fill in: {@code {MARKER}} (a file the command
 * attacks try to create), {@code {IPORT}} (the port of the internal-only HTTP server), and a
 * leading {@code {ATTACKER}} before a base64 serialization stream that names the endpoint
 * {@code 127.0.0.1:1}: the suite rewrites that port to the attacker listener it opens for the case
 * ({@link #ATTACKER_ENDPOINT}); proof {@code connect} is that listener being connected to.
 */
public record Corpus(String file, String attackClass, String sink, boolean eventInput, List<Group> groups) {

    public static final List<String> ATTACK_FILES = List.of("sqli", "command", "path", "ssrf", "redirect", "ldap",
            "deserialization", "xss");
    public static final List<String> BENIGN_FILES = List.of("benign", "benign-deserialization");

    public enum Via { GET, FORM, JSON, BODY, HEADER, COOKIE, NAME }

    /** The placeholder that starts a stream whose endpoint the suite rewrites. */
    public static final String ATTACKER = "{ATTACKER}";
    /**
     * How an {@code {ATTACKER}} stream names its endpoint: {@code writeUTF("127.0.0.1")} then
     * {@code writeInt(1)}, as {@code TCPEndpoint} writes host and port. Port 1 has no listener, so
     * a stream sent unrewritten connects nowhere.
     */
    public static final byte[] ATTACKER_ENDPOINT = {0, 9, '1', '2', '7', '.', '0', '.', '0', '.', '1', 0, 0, 0, 1};

    /** How to tell that an attack worked. */
    public sealed interface Proof {
        record Body(Pattern pattern) implements Proof {
        }

        record Marker() implements Proof {
        }

        record RowsDeleted() implements Proof {
        }

        record OffsiteRedirect() implements Proof {
        }

        /** The case's value is in the response body as sent, unescaped. */
        record Echo() implements Proof {
        }

        /** The app opened a TCP connection to the attacker listener the case names ({@code {ATTACKER}}). */
        record Connect() implements Proof {
        }

        record None() implements Proof {
        }
    }

    public record Case(String id, int line, String value, boolean wire) {
        @Override
        public String toString() {
            return id;
        }
    }

    public record Group(String file, String name, String what, Via via, String path, String safePath, String param,
                        Proof proof, int expect, List<Case> cases) {
    }

    public int size() {
        return groups.stream().mapToInt(g -> g.cases().size()).sum();
    }

    /** Loads {@code corpus/NAME.txt} from the class path. */
    public static Corpus load(String name) {
        String file = name + ".txt";
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            Objects.requireNonNull(in, "corpus/" + file + " on the test class path");
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Corpus parse(String file, String text) {
        String attackClass = null;
        String sink = null;
        boolean eventInput = true;
        List<Group> groups = new ArrayList<>();
        GroupBuilder g = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + lineNo;
            if (line.startsWith("@")) {
                int sp = line.indexOf(' ');
                String key = sp < 0 ? line.substring(1) : line.substring(1, sp);
                String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
                switch (key) {
                    case "attack_class" -> attackClass = arg;
                    case "sink" -> sink = arg;
                    case "event_input" -> eventInput = !arg.equals("no");
                    case "group" -> {
                        if (g != null) {
                            groups.add(g.build(where));
                        }
                        g = new GroupBuilder(file, arg);
                    }
                    default -> {
                        if (g == null) {
                            throw new IllegalArgumentException(where + ": @" + key + " before any @group");
                        }
                        g.directive(key, arg, where);
                    }
                }
                continue;
            }
            if (g == null) {
                throw new IllegalArgumentException(where + ": a case before any @group");
            }
            String value = line;
            boolean wire = false;
            if (line.startsWith("esc:")) {
                value = unescape(line.substring(4), where);
            } else if (line.startsWith("wire:")) {
                value = line.substring(5);
                wire = true;
            }
            g.cases.add(new Case(file.replace(".txt", "") + ":" + lineNo, lineNo, value, wire));
        }
        if (g != null) {
            groups.add(g.build(file + ":end"));
        }
        return new Corpus(file, attackClass, sink, eventInput, List.copyOf(groups));
    }

    private static final class GroupBuilder {
        final String file;
        final String name;
        final String what;
        Via via;
        String path;
        String safePath;
        String param;
        Proof proof = new Proof.None();
        int expect = 200;
        final List<Case> cases = new ArrayList<>();

        GroupBuilder(String file, String header) {
            this.file = file;
            int colon = header.indexOf(':');
            this.name = colon < 0 ? header : header.substring(0, colon).strip();
            this.what = colon < 0 ? "" : header.substring(colon + 1).strip();
        }

        void directive(String key, String arg, String where) {
            switch (key) {
                case "send" -> {
                    String[] p = arg.split("\\s+");
                    if (p.length != 3) {
                        throw new IllegalArgumentException(where + ": @send " + arg + " (expected: VIA PATH PARAM)");
                    }
                    via = Via.valueOf(p[0]);
                    path = p[1];
                    param = p[2];
                }
                case "safe" -> safePath = arg;
                case "expect" -> expect = Integer.parseInt(arg);
                case "proof" -> proof = proof(arg, where);
                default -> throw new IllegalArgumentException(where + ": unknown directive @" + key);
            }
        }

        Group build(String where) {
            if (via == null) {
                throw new IllegalArgumentException(where + ": group " + name + " has no @send");
            }
            if (cases.isEmpty()) {
                throw new IllegalArgumentException(where + ": group " + name + " has no cases");
            }
            return new Group(file, name, what, via, path, safePath, param, proof, expect, List.copyOf(cases));
        }
    }

    private static Proof proof(String arg, String where) {
        if (arg.startsWith("body~")) {
            return new Proof.Body(Pattern.compile(arg.substring(5), Pattern.MULTILINE));
        }
        return switch (arg) {
            case "marker" -> new Proof.Marker();
            case "rows-deleted" -> new Proof.RowsDeleted();
            case "offsite-redirect" -> new Proof.OffsiteRedirect();
            case "echo" -> new Proof.Echo();
            case "connect" -> new Proof.Connect();
            default -> throw new IllegalArgumentException(where + ": @proof " + arg
                    + " (expected: body~REGEX, marker, rows-deleted, offsite-redirect, echo or connect)");
        };
    }

    static String unescape(String s, String where) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException(where + ": a trailing backslash");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case '0' -> sb.append('\0');
                case 's' -> sb.append(' ');
                case '\\' -> sb.append('\\');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException(where + ": unknown escape \\" + e);
            }
        }
        return sb.toString();
    }
}
