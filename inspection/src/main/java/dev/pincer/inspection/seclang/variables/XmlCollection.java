package dev.pincer.inspection.seclang.variables;

import dev.pincer.signatures.rule.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code XML}: the two XPath selections CRS uses. {@code XML:/*} is the document element's string
 * value (all its text, concatenated); {@code XML://@*} is every attribute value. The rule engine
 * refuses, at load, rules that select other XPath expressions.
 */
final class XmlCollection implements Collection, XmlSink {

    static final String ALL_TEXT = "/*";
    static final String ALL_ATTRIBUTES = "//@*";

    private String text;
    private final List<VariableValue> attributes = new ArrayList<>();

    @Override
    public void text(String textContent) {
        text = textContent;
    }

    @Override
    public void attribute(String name, String value) {
        attributes.add(new VariableValue("XML", ALL_ATTRIBUTES, value));
    }

    @Override
    public void select(Target target, List<VariableValue> out) {
        String key = target.key();
        if (key == null || key.equals(ALL_TEXT)) {
            if (text != null) {
                out.add(new VariableValue("XML", ALL_TEXT, text));
            }
        } else if (key.equals(ALL_ATTRIBUTES)) {
            out.addAll(attributes);
        }
    }

    @Override
    public int count(Target target) {
        List<VariableValue> out = new ArrayList<>();
        select(target, out);
        return out.size();
    }
}
