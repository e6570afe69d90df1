package dev.pincer.signatures.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.action.EngineMode;
import dev.pincer.signatures.lang.RuleFileException;
import dev.pincer.signatures.lang.RuleFileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The rule compiler: all of CRS v4.28 compiles, and each ModSecurity rule of composition holds. */
class RuleSetCompilerTest {

    private static RuleSet compile(String text) {
        return RuleSetCompiler.compile(RuleFileParser.parse(text, "test.conf"));
    }

    @Test
    void theWholeCoreRuleSetCompiles() throws IOException {
        List<Path> files = CrsFiles.all();
        RuleSet crs = RuleSetCompiler.load(files);
        long heads = 0;
        for (Path f : files) {
            heads += countHeads(Files.readString(f));
        }
        assertEquals(heads, crs.size(), "every SecRule and SecAction that starts a chain is a rule");
        Rule sqli = crs.rule(942100);
        assertNotNull(sqli);
        assertEquals(2, sqli.phase());
        assertEquals("detectSQLi", sqli.operatorName());
        assertTrue(sqli.tags().contains("attack-sqli"));
        assertTrue(sqli.blockWritten());
        assertEquals(Disruptive.PASS, sqli.disruptive(), "block with CRS's SecDefaultAction pass");
        Rule threshold = crs.rule(949110);
        assertEquals(Disruptive.DENY, threshold.disruptive());
        assertEquals(0, threshold.transformations().length, "t:none drops the defaults");
        assertEquals(EngineMode.ON, crs.settings().ruleEngine());
    }

    /** Counts SecRule/SecAction directives that are not the continuation of a chain. */
    private static long countHeads(String text) {
        long heads = 0;
        boolean chained = false;
        StringBuilder directive = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (directive.isEmpty() && (trimmed.startsWith("#") || trimmed.isEmpty())) {
                continue;
            }
            directive.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (trimmed.endsWith("\\")) {
                continue;
            }
            String d = directive.toString();
            directive.setLength(0);
            if (d.startsWith("SecRule ") || d.startsWith("SecAction ")) {
                if (!chained) {
                    heads++;
                }
                chained = d.matches("(?s).*[\",]\\s*chain\\s*[,\"].*");
            }
        }
        return heads;
    }

    @Test
    void theDefaultActionOfAPhaseIsFoldedIntoItsLaterRules() {
        RuleSet set = compile("""
                SecRule ARGS "@rx a" "id:1,phase:2,block"
                SecDefaultAction "phase:2,deny,status:418,t:lowercase,nolog"
                SecRule ARGS "@rx b" "id:2,phase:2,block,t:urlDecode"
                SecRule ARGS "@rx c" "id:3,phase:2,t:none,pass,log"
                SecRule ARGS "@rx d" "id:4,phase:1"
                """);
        Rule before = set.rule(1);
        assertEquals(Disruptive.PASS, before.disruptive(), "defaults apply only to rules read after them");
        Rule two = set.rule(2);
        assertEquals(Disruptive.DENY, two.disruptive());
        assertEquals(418, two.status());
        assertEquals(List.of("lowercase", "urlDecode"), names(two));
        assertFalse(two.log());
        Rule three = set.rule(3);
        assertEquals(List.of(), names(three));
        assertEquals(Disruptive.PASS, three.disruptive());
        assertTrue(three.log());
        assertEquals(Disruptive.PASS, set.rule(4).disruptive(), "another phase's default does not apply");
    }

    private static List<String> names(Rule r) {
        return java.util.Arrays.stream(r.transformations()).map(t -> t.name()).toList();
    }

    @Test
    void chainsLinkAndTheirChildrenInheritThePhase() {
        RuleSet set = compile("""
                SecRule REQUEST_METHOD "@streq POST" "id:10,phase:1,deny,chain"
                  SecRule ARGS:a "@rx x" "t:lowercase,chain"
                    SecRule ARGS:b "@rx y" "setvar:tx.hit=1"
                """);
        Rule head = set.rule(10);
        assertEquals(1, set.phase(1).size());
        Rule child = head.chained();
        assertTrue(child.isChainChild());
        assertEquals(1, child.phase());
        assertEquals(1, child.chained().actions().size());
        assertNull(child.chained().chained());
    }

    @Test
    void markersResolveAndRemovalsShiftNothingElse() {
        RuleSet set = compile("""
                SecRule ARGS "@rx a" "id:1,phase:2,pass,skipAfter:END"
                SecRule ARGS "@rx b" "id:2,phase:2,pass"
                SecRule ARGS "@rx c" "id:3,phase:1,pass"
                SecMarker END
                SecRule ARGS "@rx d" "id:4,phase:2,pass"
                SecRuleRemoveById 2
                """);
        assertEquals(1, set.resumeIndex(2, "END", 0), "rule 4 is at index 1 of phase 2 once rule 2 is gone");
        assertEquals(1, set.resumeIndex(1, "END", 0));
        assertEquals(2, set.resumeIndex(2, "NOWHERE", 0));
        assertNull(set.rule(2));
    }

    @Test
    void updatesChangeTheRulesReadBefore() {
        RuleSet set = compile("""
                SecRule ARGS|REQUEST_HEADERS "@rx a" "id:1,phase:2,pass,tag:t1"
                SecRuleUpdateTargetById 1 "!ARGS:password"
                SecRuleUpdateTargetByTag t1 "REQUEST_COOKIES"
                SecRuleUpdateTargetById 1 "REQUEST_URI" "REQUEST_HEADERS"
                SecRuleUpdateActionById 1 "deny,status:403,msg:'changed'"
                """);
        Rule r = set.rule(1);
        assertEquals("[ARGS, REQUEST_COOKIES, REQUEST_URI]", r.targets().toString());
        assertEquals("[ARGS:password]", r.exclusions().toString());
        assertEquals(Disruptive.DENY, r.disruptive());
        assertEquals("changed", r.message().source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "errors.csv", delimiter = '|', numLinesToSkip = 1)
    void aBadRuleNamesFileLineDirectiveAndReason(String rules, String expected) {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> compile(rules.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.conf:"), e.getMessage());
    }
}
