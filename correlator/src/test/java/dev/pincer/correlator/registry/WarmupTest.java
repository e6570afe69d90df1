package dev.pincer.correlator.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warm-up takes every path a first check can take (no timing here: the report counts which
 * outcomes it produced): for every kind an attack and an allow, the budget exit for every
 * input-correlated kind, and the argument-only judges' finding and allow.
 */
class WarmupTest {
    @Test
    void coversEveryAnalyzerOutcomeAndEveryArgumentJudge() {
        Set<String> seen = Warmup.run(Analyzers.create(VectorRunner.config(ExecPolicy.ALLOW), null)).seen();
        List<String> expected = List.of("sql:sqli", "sql:allow", "sql:analysis_limit", "sql:argument:sqli",
                "sql:argument:allow", "exec:command_injection", "exec:allow", "exec:analysis_limit",
                "exec:argument:command_injection", "exec:argument:allow", "file:path_traversal", "file:allow",
                "file:analysis_limit", "file:argument:path_traversal", "file:argument:allow", "url:ssrf", "url:allow",
                "url:analysis_limit", "redirect:open_redirect", "redirect:allow", "redirect:analysis_limit",
                "ldap:ldap_injection", "ldap:allow", "ldap:analysis_limit", "ldap:argument:ldap_injection",
                "ldap:argument:allow", "xpath:xpath_injection", "xpath:allow", "xpath:analysis_limit",
                "xpath:argument:xpath_injection", "xpath:argument:allow", "deserialize:deserialization",
                "deserialize:allow", "jndi:jndi_injection", "jndi:allow");
        for (String e : expected) {
            assertTrue(seen.contains(e), () -> "warm-up never produced " + e + "; it saw " + seen);
        }
        for (SinkKind k : SinkKind.values()) {
            assertTrue(seen.stream().anyMatch(s -> s.startsWith(k.label() + ":")), k::label);
        }
    }

    @Test
    void neverThrowsOnAnEmptyRegistry() {
        assertTrue(Warmup.run(java.util.Map.of()).seen().stream().allMatch(s -> s.contains(":argument:")));
    }
}
