/**
 * The ModSecurity rule language (SecLang) as text: rule files into {@link
 * dev.pincer.signatures.lang.Directive}s, and the three parts of a {@code SecRule} into
 * selectors, an operator and raw actions. Nothing here gives a rule its meaning; the rule
 * compiler does, and reports its errors with the directive's {@link
 * dev.pincer.signatures.lang.SourceLocation}.
 *
 * <ul>
 *   <li>{@link dev.pincer.signatures.lang.RuleFileParser}: files, {@code Include} with globs,
 *       limits. Syntax as ModSecurity v3's scanner ({@code src/parser/seclang-scanner.ll}).</li>
 *   <li>{@link dev.pincer.signatures.lang.Directives}: the directive names, supported or
 *       ignorable.</li>
 *   <li>{@link dev.pincer.signatures.lang.VariableParser}, {@link
 *       dev.pincer.signatures.lang.OperatorParser}, {@link dev.pincer.signatures.lang.ActionParser}:
 *       a rule's parts; each rejects bad input with an {@link IllegalArgumentException} whose
 *       message is the precise reason.</li>
 * </ul>
 *
 * <h2>Ignored directives</h2>
 * Directives that only concern ModSecurity's own files, logs, buffers and engine internals are
 * accepted, returned, and flagged by {@link dev.pincer.signatures.lang.Directives#isIgnorable}:
 * the audit log ({@code SecAuditEngine}, {@code SecAuditLog*}), the debug log, temporary,
 * data and upload directories ({@code SecTmpDir}, {@code SecDataDir}, {@code SecUploadDir},
 * {@code SecUploadKeepFiles}, {@code SecUploadFileMode}, {@code SecTmpSaveUploadedFiles}),
 * {@code SecRequestBodyInMemoryLimit}, the PCRE limits (Pincer's regexes run in linear time),
 * {@code SecUnicodeMapFile}, {@code SecStatusEngine}, the GeoIP and GSB databases,
 * {@code SecCookieFormat}, {@code SecCookieV0Separator}, the {@code SecHash*} family,
 * {@code SecWebAppId}, {@code SecServerSignature}, {@code SecSensorId},
 * {@code SecXmlExternalEntity} (Pincer never loads external entities), {@code SecHttpBlKey},
 * the connection-state limits and the other v3 no-ops. {@code SecRuleScript} and
 * {@code SecRemoteRules} are refused.
 *
 * <h2>Where Pincer reads the syntax differently from v3, on purpose</h2>
 * <ul>
 *   <li>{@code \"} inside a double-quoted argument gives {@code "}. v3 hands {@code \"} to the
 *       operator unchanged; for {@code @rx} the two mean the same, but CRS 955350's
 *       {@code @contains <h1 style=\"margin-bottom: 0\">} only matches real pages with the
 *       quote unescaped (as ModSecurity v2 and Coraza do).</li>
 *   <li>A continuation inside a quoted argument joins the lines without the next line's leading
 *       blanks, everywhere. v3 does so between actions, but by its scanner's longest-match
 *       rules keeps backslash and line break inside an operator argument or a quoted action
 *       value.</li>
 *   <li>A UTF-8 byte order mark at the start of a file is skipped; v3 rejects the file.</li>
 *   <li>A NUL byte is an error; v3 reads the file as a C string and stops there.</li>
 *   <li>One directive per logical line: v3's scanner would also accept a second directive on
 *       the same line.</li>
 * </ul>
 */
package dev.pincer.signatures.lang;
