package dev.pincer.signatures.lang;

import java.util.List;
import java.util.Objects;

/**
 * One configuration directive as the rule file states it: the canonical name and its arguments,
 * already unquoted and unescaped (see {@link RuleFileParser} for the exact rules), and where it
 * starts. Arguments are byte strings (one char per byte of the file, 0..255).
 *
 * <p>Example: the three lines
 * <pre>
 * SecRule REQUEST_HEADERS:Content-Length "!@rx ^\d+$" \
 *     "id:920160,\
 *     phase:1,block"
 * </pre>
 * give {@code Directive("SecRule", ["REQUEST_HEADERS:Content-Length", "!@rx ^\d+$",
 * "id:920160,phase:1,block"], file:1)}.
 *
 * @param name the directive name in its canonical spelling ({@code SecRule}), see {@link Directives}
 * @param arguments the arguments, in order; unmodifiable
 * @param location the file and line where the directive starts
 */
public record Directive(String name, List<String> arguments, SourceLocation location) {

    public Directive {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(location, "location");
    }

    /** The argument at {@code index}, or null when the directive has fewer arguments. */
    public String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }
}
