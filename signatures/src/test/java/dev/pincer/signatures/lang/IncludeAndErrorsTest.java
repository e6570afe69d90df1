package dev.pincer.signatures.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Include} resolution and the load errors that name file, line and directive: missing
 * files, globs that match nothing, cycles, nesting, and each limit exceeded by one.
 */
class IncludeAndErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, java.nio.charset.StandardCharsets.ISO_8859_1);
        return file;
    }

    private static List<String> markers(List<Directive> directives) {
        return directives.stream().map(d -> d.name() + " " + String.join(" ", d.arguments())).toList();
    }

    @Test
    void relativeIncludesResolveAgainstTheIncludingFile() throws IOException {
        write("sub/inner.conf", "SecMarker INNER\nInclude deeper/last.conf\n");
        write("sub/deeper/last.conf", "SecMarker LAST\n");
        Path main = write("main.conf", "SecMarker A\nInclude sub/inner.conf\nSecMarker B\n");
        List<Directive> parsed = RuleFileParser.parse(main);
        assertEquals(List.of("SecMarker A", "SecMarker INNER", "SecMarker LAST", "SecMarker B"), markers(parsed));
        assertEquals(new SourceLocation(dir.resolve("sub/deeper/last.conf").toString(), 1), parsed.get(2).location());
        assertEquals(new SourceLocation(main.toString(), 3), parsed.get(3).location());
    }

    /** apr and wordexp sort matches by strcmp: upper case before lower case, digits first. */
    @Test
    void globMatchesAreSortedByteWiseAndSkipHiddenFiles() throws IOException {
        for (String name : new String[] {"b.conf", "B.conf", "a.conf", "10.conf", "9.conf", ".hidden.conf"}) {
            write("rules/" + name, "SecMarker " + name + "\n");
        }
        write("rules/notes.txt", "not a rule file\n");
        write("rules/x.conf.d/ignored", "");
        Path main = write("main.conf", "Include rules/*.conf\nInclude \"rules/?.conf\"\n");
        assertEquals(List.of("SecMarker 10.conf", "SecMarker 9.conf", "SecMarker B.conf", "SecMarker a.conf",
                        "SecMarker b.conf", "SecMarker 9.conf", "SecMarker B.conf", "SecMarker a.conf",
                        "SecMarker b.conf"),
                markers(RuleFileParser.parse(main)));
    }

    @Test
    void globsInDirectoryComponents() throws IOException {
        write("crs-1/rules/a.conf", "SecMarker ONE\n");
        write("crs-2/rules/a.conf", "SecMarker TWO\n");
        Path main = write("main.conf", "include crs-*/rules/*.conf\n");
        assertEquals(List.of("SecMarker ONE", "SecMarker TWO"), markers(RuleFileParser.parse(main)));
    }

    @Test
    void textIncludesResolveAgainstTheWorkingDirectory() {
        Path crs = TestData.crsDir();
        Path relative = Path.of("").toAbsolutePath().relativize(crs.resolve("rules/REQUEST-901-INITIALIZATION.conf"));
        List<Directive> parsed = RuleFileParser.parse("Include " + relative + "\n", "inline");
        assertTrue(parsed.size() > 10, "901 holds the initialisation rules");
    }

    @Test
    void missingInclude() throws IOException {
        Path main = write("main.conf", "SecMarker A\n\nInclude nope.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main));
        assertEquals(new SourceLocation(main.toString(), 3), e.location());
        assertEquals("Include", e.directive());
        assertEquals("file not found: " + dir.resolve("nope.conf"), e.reason());
        assertEquals(main + ":3: Include: file not found: " + dir.resolve("nope.conf"), e.getMessage());
    }

    @Test
    void missingTopFile() {
        Path missing = dir.resolve("absent.conf");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(missing));
        assertEquals(missing + ":1: file not found: " + missing, e.getMessage());
        assertNull(e.directive());
    }

    @Test
    void globMatchingNothing() throws IOException {
        Path main = write("main.conf", "Include rules/*.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main));
        assertEquals(main + ":1: Include: no file matches 'rules/*.conf'", e.getMessage());
    }

    @Test
    void includeOfADirectory() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path main = write("main.conf", "Include rules\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main));
        assertEquals(main + ":1: Include: is a directory, not a file: " + dir.resolve("rules"), e.getMessage());
    }

    @Test
    void includeCycle() throws IOException {
        Path a = write("a.conf", "SecMarker A\nInclude b.conf\n");
        Path b = write("b.conf", "\nInclude a.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(a));
        assertEquals(new SourceLocation(b.toString(), 2), e.location());
        assertEquals("Include", e.directive());
        assertEquals("include cycle: " + a.toRealPath() + " -> " + b.toRealPath() + " -> " + a.toRealPath(), e.reason());
    }

    @Test
    void selfInclude() throws IOException {
        Path a = write("a.conf", "Include a.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(a));
        assertEquals(a + ":1: Include: include cycle: " + a.toRealPath() + " -> " + a.toRealPath(), e.getMessage());
    }

    /** 32 nested includes load; the 33rd is refused where it is written. */
    @Test
    void includeDepthLimit() throws IOException {
        for (int i = 0; i < 33; i++) {
            write("d" + i + ".conf", "Include d" + (i + 1) + ".conf\n");
        }
        write("d33.conf", "SecMarker DEEP\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(dir.resolve("d0.conf")));
        assertEquals(dir.resolve("d32.conf") + ":1: Include: includes nested deeper than 32", e.getMessage());
        Files.writeString(dir.resolve("d32.conf"), "SecMarker DEEP\n");
        assertEquals(List.of("SecMarker DEEP"), markers(RuleFileParser.parse(dir.resolve("d0.conf"))));
    }

    @Test
    void errorsInIncludedFilesNameThatFile() throws IOException {
        Path inner = write("inner.conf", "SecMarker A\n# c\nSecRule ARGS \"@rx a\n");
        Path main = write("main.conf", "Include inner.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main));
        assertEquals(inner + ":3: SecRule: argument 2: unterminated double quote", e.getMessage());
        assertEquals("SecRule", e.directive());
        assertEquals("argument 2: unterminated double quote", e.reason());
    }

    @Test
    void unknownDirectiveIsNamed() {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileParser.parse("SecMarker A\nSecRuleEngineX On\n", "x.conf"));
        assertEquals("x.conf:2: SecRuleEngineX: unknown directive", e.getMessage());
    }

    @Test
    void nulByte() {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileParser.parse("SecMarker A\nSecMarker B\0\n", "x.conf"));
        assertEquals("x.conf:2: NUL byte in rule file", e.getMessage());
    }

    @Test
    void charsAboveOneByteAreRefusedInText() {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileParser.parse("SecMarker \u20ac\n", "x.conf"));
        assertEquals("x.conf:1: char above 0xff: rule text must be one char per byte", e.getMessage());
    }

    @Test
    void directiveLimitPlusOne() {
        int limit = Limits.DEFAULT.maxDirectives();
        String exactly = "SecMarker A\n".repeat(limit);
        assertEquals(limit, RuleFileParser.parse(exactly, "x.conf").size());
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileParser.parse(exactly + "SecMarker LAST\n", "x.conf"));
        assertEquals("x.conf:" + (limit + 1) + ": SecMarker: more than " + limit + " directives", e.getMessage());
    }

    @Test
    void directiveLimitCountsAcrossIncludes() throws IOException {
        Limits small = new Limits(1 << 20, 1 << 20, 1000, 3, 10, 32);
        write("inner.conf", "SecMarker B\nSecMarker C\n");
        Path main = write("main.conf", "SecMarker A\nInclude inner.conf\nSecMarker D\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main, small));
        assertEquals(main + ":3: SecMarker: more than 3 directives", e.getMessage());
    }

    @Test
    void lineLengthLimitPlusOne() {
        int limit = Limits.DEFAULT.maxLineChars();
        String fits = "SecMarker " + "a".repeat(limit - "SecMarker ".length());
        assertEquals(1, RuleFileParser.parse(fits + "\n", "x.conf").size());
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileParser.parse("SecMarker A\n" + fits + "a\n", "x.conf"));
        assertEquals("x.conf:2: line longer than " + limit + " bytes", e.getMessage());
    }

    /** Continuation lines add up: the logical line is what is bounded. */
    @Test
    void lineLengthLimitCountsContinuations() {
        Limits small = new Limits(1 << 20, 1 << 20, 100, 100, 10, 32);
        String text = "SecAction \"id:1,\\\n" + ("  pass,\\\n").repeat(30) + "  pass\"\n";
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(text, "x.conf", small));
        assertEquals("x.conf:1: line longer than 100 bytes", e.getMessage());
    }

    @Test
    void fileSizeLimitPlusOne() throws IOException {
        long limit = Limits.DEFAULT.maxFileBytes();
        Path big = dir.resolve("big.conf");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = ("#" + " ".repeat(1022) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (long written = 0; written < limit; written += line.length) {
                out.write(line);
            }
        }
        assertEquals(limit, Files.size(big));
        assertEquals(List.of(), RuleFileParser.parse(big));
        Files.write(big, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        Path main = write("main.conf", "SecMarker A\nInclude big.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main));
        assertEquals(main + ":2: Include: " + big + ": file larger than " + limit + " bytes", e.getMessage());
    }

    @Test
    void totalSizeLimit() throws IOException {
        Limits small = new Limits(100, 150, 1000, 100, 10, 32);
        write("a.conf", "#" + "x".repeat(80) + "\n");
        write("b.conf", "#" + "x".repeat(80) + "\n");
        Path main = write("main.conf", "Include ?.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main, small));
        assertEquals(main + ":1: Include: rule files larger than 150 bytes in all", e.getMessage());
    }

    @Test
    void fileCountLimit() throws IOException {
        Limits small = new Limits(100, 10_000, 1000, 100, 3, 32);
        for (String name : new String[] {"a", "b", "c"}) {
            write("r/" + name + ".conf", "SecMarker " + name + "\n");
        }
        Path main = write("main.conf", "Include r/*.conf\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFileParser.parse(main, small));
        assertEquals(main + ":1: Include: more than 3 rule files", e.getMessage());
    }

    @Test
    void directivesKnowSupportedAndIgnorableNames() {
        assertTrue(Directives.isSupported("secrule"));
        assertTrue(Directives.isSupported("Include"));
        assertTrue(Directives.isIgnorable("SECAUDITENGINE"));
        assertTrue(!Directives.isIgnorable("SecRule") && !Directives.isSupported("SecAuditLog"));
        assertTrue(!Directives.isSupported("SecRuleScript") && !Directives.isIgnorable("SecRuleScript"));
        assertEquals("SecRuleUpdateTargetById", Directives.canonicalName("secruleupdatetargetbyid"));
        assertNull(Directives.canonicalName("SecFoo"));
        for (String name : new String[] {"SecRule", "SecAction", "SecMarker", "SecDefaultAction", "SecRuleEngine",
                "SecRequestBodyAccess", "SecResponseBodyAccess", "SecRequestBodyLimit", "SecRequestBodyNoFilesLimit",
                "SecRequestBodyLimitAction", "SecResponseBodyLimit", "SecResponseBodyMimeType", "SecArgumentSeparator",
                "SecRuleRemoveById", "SecRuleRemoveByTag", "SecRuleRemoveByMsg", "SecRuleUpdateTargetById",
                "SecRuleUpdateTargetByTag", "SecRuleUpdateActionById", "SecComponentSignature", "SecCollectionTimeout"}) {
            assertTrue(Directives.supported().contains(name), "issue 10 lists " + name);
        }
        for (String name : new String[] {"SecAuditEngine", "SecAuditLog", "SecAuditLogParts", "SecDebugLog",
                "SecDebugLogLevel", "SecTmpDir", "SecDataDir", "SecUploadDir", "SecUploadKeepFiles",
                "SecPcreMatchLimit", "SecPcreMatchLimitRecursion", "SecUnicodeMapFile", "SecStatusEngine",
                "SecGeoLookupDb", "SecCookieFormat", "SecHashEngine"}) {
            assertTrue(Directives.ignorable().contains(name), name + " only concerns ModSecurity's files and logs");
        }
    }
}
