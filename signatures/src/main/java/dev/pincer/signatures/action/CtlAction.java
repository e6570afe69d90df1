package dev.pincer.signatures.action;

import dev.pincer.signatures.lang.VariableParser;
import dev.pincer.signatures.lang.VariableSelector;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code ctl:option=value}: changes the engine for the rest of one transaction.
 * <ul>
 *   <li>{@code ruleEngine=On|Off|DetectionOnly}</li>
 *   <li>{@code ruleRemoveById=920540} (ids and ranges), {@code ruleRemoveByTag=OWASP_CRS},
 *       {@code ruleRemoveByMsg=...}</li>
 *   <li>{@code ruleRemoveTargetById=942100;ARGS:password}, {@code ruleRemoveTargetByTag=
 *       xss-perf-disable;REQUEST_FILENAME}, {@code ruleRemoveTargetByMsg=...;TARGET}</li>
 *   <li>{@code requestBodyProcessor=URLENCODED|MULTIPART|JSON|XML}, {@code requestBodyAccess=On|Off},
 *       {@code forceRequestBodyVariable=On|Off}</li>
 *   <li>{@code auditEngine}, {@code auditLogParts}, {@code debugLogLevel}: accepted and ignored;
 *       they steer ModSecurity's own audit and debug logs, which Pincer does not write.</li>
 * </ul>
 */
final class CtlAction implements RuntimeAction {
    private static final List<String> BODY_PROCESSORS = List.of("URLENCODED", "MULTIPART", "JSON", "XML");

    private final Consumer<ActionContext> effect;

    CtlAction(String text) {
        String v = Values.required("ctl", text).trim();
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("ctl '" + v + "' needs option=value");
        }
        String option = v.substring(0, eq).trim();
        String value = v.substring(eq + 1).trim();
        effect = switch (option.toLowerCase(Locale.ROOT)) {
            case "ruleengine" -> {
                EngineMode mode = EngineMode.parse(value);
                yield ctx -> ctx.ruleEngine(mode);
            }
            case "ruleremovebyid" -> {
                IdRanges ids = IdRanges.parse(value);
                yield ctx -> ctx.removeRules(ids);
            }
            case "ruleremovebytag" -> {
                String tag = nonEmpty(option, value);
                yield ctx -> ctx.removeRulesByTag(tag);
            }
            case "ruleremovebymsg" -> {
                String msg = nonEmpty(option, value);
                yield ctx -> ctx.removeRulesByMessage(msg);
            }
            case "ruleremovetargetbyid" -> {
                IdRanges ids = IdRanges.parse(before(option, value));
                VariableSelector target = target(option, value);
                yield ctx -> ctx.removeTarget(ids, target);
            }
            case "ruleremovetargetbytag" -> {
                String tag = before(option, value);
                VariableSelector target = target(option, value);
                yield ctx -> ctx.removeTargetByTag(tag, target);
            }
            case "ruleremovetargetbymsg" -> {
                String msg = before(option, value);
                VariableSelector target = target(option, value);
                yield ctx -> ctx.removeTargetByMessage(msg, target);
            }
            case "requestbodyprocessor" -> {
                String processor = value.toUpperCase(Locale.ROOT);
                if (!BODY_PROCESSORS.contains(processor)) {
                    throw new IllegalArgumentException("ctl:requestBodyProcessor=" + value
                            + " (expected one of " + BODY_PROCESSORS + ")");
                }
                yield ctx -> ctx.requestBodyProcessor(processor);
            }
            case "requestbodyaccess" -> {
                boolean on = onOff(option, value);
                yield ctx -> ctx.requestBodyAccess(on);
            }
            case "forcerequestbodyvariable" -> {
                boolean on = onOff(option, value);
                yield ctx -> ctx.forceRequestBodyVariable(on);
            }
            case "auditengine", "auditlogparts", "debugloglevel" -> ctx -> { };
            default -> throw new IllegalArgumentException("ctl option '" + option + "' is not supported");
        };
    }

    @Override public String name() { return "ctl"; }

    @Override
    public void execute(ActionContext ctx) {
        effect.accept(ctx);
    }

    private static String nonEmpty(String option, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("ctl:" + option + " needs a value");
        }
        return value;
    }

    private static String before(String option, String value) {
        int semi = value.indexOf(';');
        if (semi <= 0 || semi == value.length() - 1) {
            throw new IllegalArgumentException("ctl:" + option + "=" + value + " needs WHICH;TARGET (e.g. 942100;ARGS:password)");
        }
        return value.substring(0, semi).trim();
    }

    private static VariableSelector target(String option, String value) {
        List<VariableSelector> targets = VariableParser.parse(value.substring(value.indexOf(';') + 1).trim());
        if (targets.size() != 1 || targets.get(0).count() || targets.get(0).exclude()) {
            throw new IllegalArgumentException("ctl:" + option + "=" + value + " needs exactly one plain target");
        }
        return targets.get(0);
    }

    private static boolean onOff(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("ctl:" + option + "=" + value + " (expected On or Off)");
        };
    }
}
