package dev.pincer.signatures.action;

import dev.pincer.signatures.lang.VariableSelector;
import dev.pincer.signatures.macro.MacroResolver;

/**
 * The transaction as runtime actions see it. Implemented by the rule engine in
 * {@code inspection/}. Collection names are upper case ({@code TX}), keys lower case.
 */
public interface ActionContext extends MacroResolver {

    /** Sets {@code collection:key} (TX, or a persistent collection opened by initcol). */
    void setVariable(String collection, String key, String value);

    /** Removes {@code collection:key}; no effect when absent. */
    void deleteVariable(String collection, String key);

    /** Makes {@code collection:key} expire {@code seconds} from now. */
    void expireVariable(String collection, String key, long seconds);

    /** {@code initcol:ip=%{remote_addr}}: opens persistent collection {@code collection} under {@code key}. */
    void initCollection(String collection, String key);

    /** {@code ctl:ruleEngine}: for the rest of this transaction. */
    void ruleEngine(EngineMode mode);

    /** {@code ctl:ruleRemoveById}: rules whose id is in {@code ids} do not run later in this transaction. */
    void removeRules(IdRanges ids);

    /** {@code ctl:ruleRemoveByTag}. */
    void removeRulesByTag(String tag);

    /** {@code ctl:ruleRemoveByMsg}. */
    void removeRulesByMessage(String message);

    /** {@code ctl:ruleRemoveTargetById}: the rules in {@code ids} no longer inspect {@code target}. */
    void removeTarget(IdRanges ids, VariableSelector target);

    /** {@code ctl:ruleRemoveTargetByTag}. */
    void removeTargetByTag(String tag, VariableSelector target);

    /** {@code ctl:ruleRemoveTargetByMsg}. */
    void removeTargetByMessage(String message, VariableSelector target);

    /** {@code ctl:requestBodyProcessor}: URLENCODED, MULTIPART, JSON or XML. */
    void requestBodyProcessor(String processor);

    /** {@code ctl:requestBodyAccess}. */
    void requestBodyAccess(boolean on);

    /** {@code ctl:forceRequestBodyVariable}: fill REQUEST_BODY whatever the processor. */
    void forceRequestBodyVariable(boolean on);
}
