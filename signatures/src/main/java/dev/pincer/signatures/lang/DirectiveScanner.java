package dev.pincer.signatures.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one rule file into directives, with ModSecurity v3's syntax
 * ({@code src/parser/seclang-scanner.ll}). {@link LogicalLines} drops comments and joins
 * continuation lines; this class cuts each logical line into a directive name and arguments.
 * {@code Include} directives are returned like any other; {@link RuleFileParser} follows them.
 *
 * <ul>
 *   <li>The name is matched case-insensitively ({@link Directives}); an unknown or refused name
 *       is an error naming it as written.</li>
 *   <li>Arguments are separated by blanks (space, tab, a stray CR). A double-quoted argument runs
 *       to the first {@code "} preceded by an even number of backslashes; {@code \"} gives
 *       {@code "} and every other backslash is kept as written ({@code \\} stays {@code \\},
 *       {@code \d} stays {@code \d}), as v3 hands the text to operators and actions. Quoted
 *       arguments may touch ({@code "@rx a""id:1"}), as v3 accepts.</li>
 *   <li>Once a directive has all the arguments it can take, a {@code #} starts a trailing
 *       comment (v3 lexes it as one); anything else is an error, as are too few arguments.</li>
 * </ul>
 *
 * <p>Example: {@code SecRule ARGS "@rx a\"b" "id:1"} gives
 * {@code SecRule [ARGS, @rx a"b, id:1]}.
 */
final class DirectiveScanner {

    private final String file;
    private final Limits limits;
    private final List<Directive> out = new ArrayList<>();

    private DirectiveScanner(String file, Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    /**
     * Scans {@code text} (one char per byte) of the file named {@code file}.
     *
     * @return the directives in file order
     * @throws RuleFileException on the first syntax error or exceeded limit
     */
    static List<Directive> scan(String text, String file, Limits limits) {
        DirectiveScanner scanner = new DirectiveScanner(file, limits);
        LogicalLines.split(text, file, limits, scanner::directive);
        return scanner.out;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private void directive(String line, int lineNumber) {
        SourceLocation location = new SourceLocation(file, lineNumber);
        int i = 0;
        int n = line.length();
        while (i < n && !isBlank(line.charAt(i))) {
            i++;
        }
        String written = line.substring(0, i);
        String name = Directives.canonicalName(written);
        if (name == null) {
            String refusal = Directives.refusal(written);
            // The name as written, bounded: a runaway token must not make a megabyte message.
            String shown = written.length() > 64 ? written.substring(0, 64) + "..." : written;
            throw new RuleFileException(location, shown, refusal != null ? refusal : "unknown directive");
        }
        Directives.Arity arity = Directives.arity(name);
        List<String> arguments = new ArrayList<>(Math.min(arity.max(), 4));
        while (true) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            char c = line.charAt(i);
            if (arguments.size() >= arity.max()) {
                if (c == '#') {
                    break; // trailing comment
                }
                throw new RuleFileException(location, name,
                        "too many arguments: takes at most " + arity.max() + ", found more at '"
                                + excerpt(line, i) + "'");
            }
            StringBuilder argument = new StringBuilder();
            if (c == '"') {
                i = quoted(line, i + 1, argument, location, name, arguments.size() + 1);
            } else {
                while (i < n && !isBlank(line.charAt(i))) {
                    if (line.charAt(i) == '"') {
                        throw new RuleFileException(location, name, "argument " + (arguments.size() + 1)
                                + ": double quote inside an unquoted argument at '" + excerpt(line, i) + "'");
                    }
                    argument.append(line.charAt(i++));
                }
            }
            arguments.add(argument.toString());
        }
        if (arguments.size() < arity.min()) {
            throw new RuleFileException(location, name, "expected " + (arity.min() == arity.max() ? "" : "at least ")
                    + arity.min() + " argument" + (arity.min() == 1 ? "" : "s") + ", found " + arguments.size());
        }
        if (out.size() >= limits.maxDirectives()) {
            throw new RuleFileException(location, name, "more than " + limits.maxDirectives() + " directives");
        }
        out.add(new Directive(name, arguments, location));
    }

    /** Reads a double-quoted argument whose opening quote precedes {@code from}; returns the index after it. */
    private static int quoted(String line, int from, StringBuilder argument, SourceLocation location,
                              String name, int index) {
        int n = line.length();
        int i = from;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = line.charAt(i + 1);
                if (next == '"') {
                    argument.append('"');
                } else {
                    argument.append(c).append(next);
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                i++;
                if (i < n && !isBlank(line.charAt(i)) && line.charAt(i) != '"') {
                    throw new RuleFileException(location, name, "argument " + index
                            + ": expected a blank after the closing double quote, found '" + excerpt(line, i) + "'");
                }
                return i;
            }
            argument.append(c);
            i++;
        }
        throw new RuleFileException(location, name, "argument " + index + ": unterminated double quote");
    }

    /** Up to 20 chars of {@code line} from {@code from}, for error messages. */
    static String excerpt(String line, int from) {
        int end = Math.min(line.length(), from + 20);
        return line.substring(from, end) + (end < line.length() ? "..." : "");
    }
}
