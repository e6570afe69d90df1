package dev.pincer.signatures.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one rule file into directives, with ModSecurity v3's syntax
 * ({@code src/parser/seclang-scanner.ll}). {@code Include} directives are returned like any
 * other; {@link RuleFileParser} follows them.
 *
 * <ul>
 *   <li>Lines end with LF or CRLF. A line whose first non-blank char is {@code #} is a comment.
 *       As in v3, a comment continues onto the next line only when it is a commented-out
 *       {@code SecRule}/{@code SecAction} ending with {@code \}; any other comment ends at its
 *       line end even when it ends with {@code \}.</li>
 *   <li>A line ending with {@code \} (no blank after it) continues on the next line: the
 *       backslash, the line break and the next line's leading blanks are removed, so
 *       {@code "id:1,\}⏎{@code     phase:2"} reads {@code "id:1,phase:2"}.</li>
 *   <li>Arguments are separated by blanks (space, tab, a stray CR). A double-quoted argument runs
 *       to the first {@code "} preceded by an even number of backslashes; {@code \"} gives
 *       {@code "} and every other backslash is kept as written ({@code \\} stays {@code \\},
 *       {@code \d} stays {@code \d}), as v3 hands the text to operators and actions.</li>
 *   <li>Once a directive has all the arguments it can take, a {@code #} starts a trailing
 *       comment (v3 lexes it as one); anything else is an error.</li>
 * </ul>
 *
 * <p>Example: {@code SecRule ARGS "@rx a\"b" "id:1"} gives
 * {@code SecRule [ARGS, @rx a"b, id:1]}.
 */
final class DirectiveScanner {

    private final String text;
    private final String file;
    private final Limits limits;
    private final List<Directive> out = new ArrayList<>();

    private DirectiveScanner(String text, String file, Limits limits) {
        this.text = text;
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
        DirectiveScanner scanner = new DirectiveScanner(text, file, limits);
        scanner.run();
        return scanner.out;
    }

    private void run() {
        StringBuilder logical = new StringBuilder();
        int logicalStart = 0;      // line of the directive being accumulated, 0 when none
        boolean inComment = false; // inside a commented-out SecRule/SecAction with continuations
        int line = 0;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            line++;
            int eol = text.indexOf('\n', pos);
            int next = eol < 0 ? length : eol + 1;
            int end = eol < 0 ? length : eol;
            if (end > pos && text.charAt(end - 1) == '\r') {
                end--;
            }
            int start = pos;
            pos = next;
            if (end - start > limits.maxLineChars()) {
                throw new RuleFileException(new SourceLocation(file, logicalStart == 0 ? line : logicalStart),
                        null, "line longer than " + limits.maxLineChars() + " bytes");
            }
            if (inComment) {
                inComment = endsWithBackslash(start, end);
                continue;
            }
            if (logicalStart == 0) {
                int first = skipBlanks(start, end);
                if (first == end) {
                    continue;
                }
                if (text.charAt(first) == '#') {
                    inComment = endsWithBackslash(start, end) && isCommentedRule(first + 1, end);
                    continue;
                }
                logicalStart = line;
                start = first;
            } else {
                start = skipBlanks(start, end);
            }
            boolean continues = endsWithBackslash(start, end);
            logical.append(text, start, continues ? end - 1 : end);
            if (logical.length() > limits.maxLineChars()) {
                throw new RuleFileException(new SourceLocation(file, logicalStart), null,
                        "line longer than " + limits.maxLineChars() + " bytes");
            }
            if (!continues) {
                directive(logical.toString(), logicalStart);
                logical.setLength(0);
                logicalStart = 0;
            }
        }
        if (logicalStart != 0) {
            directive(logical.toString(), logicalStart);
        }
    }

    private boolean endsWithBackslash(int start, int end) {
        return end > start && text.charAt(end - 1) == '\\';
    }

    /** v3's {@code #[ \t]*SecRule[^\\]} and {@code #[ \t]*SecAction[^\\]}, case-sensitive as there. */
    private boolean isCommentedRule(int from, int end) {
        int i = skipBlanks(from, end);
        for (String word : new String[] {"SecRule", "SecAction"}) {
            if (text.startsWith(word, i) && i + word.length() < end && text.charAt(i + word.length()) != '\\') {
                return true;
            }
        }
        return false;
    }

    private int skipBlanks(int from, int end) {
        int i = from;
        while (i < end && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
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
            throw new RuleFileException(location, written, refusal != null ? refusal : "unknown directive");
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
