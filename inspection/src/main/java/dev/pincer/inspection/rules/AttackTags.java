package dev.pincer.inspection.rules;

import dev.pincer.inspection.verdict.AttackClass;
import java.util.List;

/**
 * CRS's attack tags as Pincer's attack classes, which decide with the mode what a match does
 * (docs/rules.md has the table). A sink-covered class in hybrid mode with a sensor connected marks
 * the request suspect and lets the sink decide; every other class is decided at the edge.
 *
 * <p>{@code attack-rce} is command injection (the sensor's process sink confirms it) unless the
 * rule is about a language runtime ({@code language-php}, {@code language-java}...): code
 * injection need not reach any sink, so the edge decides. A rule with no attack tag (a custom
 * deny rule, a virtual patch) is {@link AttackClass#VIRTUAL_PATCH}.
 */
final class AttackTags {

    private AttackTags() {
    }

    /** The class of a rule with {@code tags}, or null when it has no attack tag. */
    static AttackClass of(List<String> tags) {
        for (String tag : tags) {
            AttackClass c = switch (tag) {
                case "attack-sqli" -> AttackClass.SQL_INJECTION;
                case "attack-rce" -> codeRuntime(tags) ? AttackClass.OTHER_INJECTION : AttackClass.COMMAND_INJECTION;
                case "attack-lfi" -> AttackClass.PATH_TRAVERSAL;
                case "attack-ssrf" -> AttackClass.SSRF;
                case "attack-xss" -> AttackClass.XSS;
                case "attack-protocol", "attack-multipart-header", "attack-deprecated-header" -> AttackClass.PROTOCOL;
                case "attack-reputation-scanner" -> AttackClass.SCANNER;
                case "attack-rfi", "attack-fixation", "attack-generic", "attack-injection-generic",
                     "attack-injection-php", "attack-injection-java", "attack-ssti", "attack-disclosure",
                     "attack-nodejs" -> AttackClass.OTHER_INJECTION;
                default -> null;
            };
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static boolean codeRuntime(List<String> tags) {
        for (String t : tags) {
            if (t.equals("language-php") || t.equals("language-java") || t.equals("language-javascript")
                    || t.equals("language-ruby") || t.equals("language-python") || t.equals("language-perl")) {
                return true;
            }
        }
        return false;
    }

    /** CRS's anomaly points per severity (crs-setup: critical 5, error 4, warning 3, notice 2). */
    static int score(int severity) {
        return switch (severity) {
            case 0, 1, 2 -> 5;
            case 3 -> 4;
            case 4 -> 3;
            case 5 -> 2;
            default -> 0;
        };
    }
}
