package dev.pincer.signatures.action;

import dev.pincer.signatures.transform.Transformation;
import dev.pincer.signatures.transform.Transformations;

/**
 * {@code t:lowercase}: one transformation in the rule's chain, applied in the order written;
 * {@code t:none} drops the default action's transformations and any listed before it.
 */
final class TransformationAction implements Action {
    private final Transformation transformation; // null for t:none

    TransformationAction(String value) {
        String v = Values.required("t", value).trim();
        transformation = v.equalsIgnoreCase("none") ? null : Transformations.byName(v);
    }

    @Override public String name() { return "t"; }

    @Override
    public void describe(ActionSink rule) {
        if (transformation == null) {
            rule.resetTransformations();
        } else {
            rule.transformation(transformation);
        }
    }
}
