/**
 * Pincer's own {@code @detectSQLi} and {@code @detectXSS}, on the approach of libinjection
 * (tokenize, fold, match), with Pincer's own code, word tables and fingerprint set.
 *
 * <h2>SQL injection</h2>
 * {@link dev.pincer.signatures.detect.SqlInjectionDetector} reads a value as SQL in three
 * contexts (as is, after {@code '}, after {@code "}; ANSI and MySQL comment dialects), folds the
 * tokens into a fingerprint of at most five token types, and looks it up in
 * {@code sqli-fingerprints.txt}. That set is generated: {@code SqlFingerprintGrammar} (test code)
 * writes down the shapes of injections (break out of the context, optionally close parentheses,
 * then a tautology, UNION, stacked statement, clause, arithmetic with a call or subquery, then an
 * optional comment), folds every sentence with this package's own lexer and folder, and removes
 * every fingerprint that sequences of prose pieces also fold to. {@code SqlFingerprintFileTest}
 * fails when the committed file differs from the generator's output; run it with
 * {@code -Dpincer.regenerate=true} after changing the lexer, the folder or the grammar.
 *
 * <h2>XSS</h2>
 * {@link dev.pincer.signatures.detect.XssDetector} runs an HTML5-style tokenizer from the five
 * places an echo can land (text, and after an unquoted, {@code '}, {@code "} or {@code `}
 * attribute value) and flags dangerous tags, event handlers, script URLs in URL attributes,
 * script in styles, DOCTYPEs and comment tricks.
 *
 * <p>Both take byte strings (one char per byte), run in linear time with a few hundred bytes of
 * state, and never throw.
 */
package dev.pincer.signatures.detect;
