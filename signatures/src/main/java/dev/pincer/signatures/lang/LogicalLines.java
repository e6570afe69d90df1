package dev.pincer.signatures.lang;

/**
 * Cuts the text of one rule file into logical lines, the way ModSecurity v3's scanner
 * ({@code src/parser/seclang-scanner.ll}) sees them: comments and blank lines dropped, lines
 * ending with {@code \} joined with the next.
 *
 * <ul>
 *   <li>Lines end with LF or CRLF. A line whose first non-blank char is {@code #} is a comment.
 *       As in v3, a comment continues onto the next line only when it is a commented-out
 *       {@code SecRule}/{@code SecAction} ending with {@code \}; any other comment ends at its
 *       line end even when it ends with {@code \}.</li>
 *   <li>A line ending with {@code \} (no blank after it) continues on the next line: the
 *       backslash, the line break and the next line's leading blanks are removed, so
 *       {@code "id:1,\}⏎{@code     phase:2"} reads {@code "id:1,phase:2"}. Blanks before the
 *       backslash stay.</li>
 *   <li>Each physical line and each logical line is bounded by {@link Limits#maxLineChars()}.</li>
 * </ul>
 *
 * <p>Example: {@code "# c\nSecRule ARGS \\\n    \"@rx a\"\n"} gives one logical line,
 * {@code SecRule ARGS "@rx a"}, starting at line 2.
 */
final class LogicalLines {

    /** Receives each logical line with the number of its first physical line. */
    interface Sink {
        void line(String text, int firstLine);
    }

    private final String text;
    private final String file;
    private final Limits limits;

    private LogicalLines(String text, String file, Limits limits) {
        this.text = text;
        this.file = file;
        this.limits = limits;
    }

    /**
     * Splits {@code text} of the file named {@code file} and hands each logical line to
     * {@code sink}, in order.
     *
     * @throws RuleFileException when a line exceeds the limit
     */
    static void split(String text, String file, Limits limits, Sink sink) {
        new LogicalLines(text, file, limits).run(sink);
    }

    private void run(Sink sink) {
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
                sink.line(logical.toString(), logicalStart);
                logical.setLength(0);
                logicalStart = 0;
            }
        }
        if (logicalStart != 0) {
            sink.line(logical.toString(), logicalStart);
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
        while (i < end && DirectiveScanner.isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
