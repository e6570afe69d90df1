package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;

/** {@code redirect:https://example.com/blocked}: disruptive; answers 302 (or the {@code status:} given) to the URL. */
final class RedirectAction implements Action {
    private final Macro url;

    RedirectAction(String value) {
        url = Macro.parse(Values.required("redirect", value));
    }

    @Override public String name() { return "redirect"; }

    @Override
    public void describe(ActionSink rule) {
        rule.disruptive(Disruptive.REDIRECT);
        rule.redirect(url);
    }
}
