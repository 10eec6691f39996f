package dev.deft.browser;

import dev.deft.core.Action;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import dev.deft.core.Target;

/** Performs what a planner holding an old observation would: types into an element number from a page now gone. */
final class BrowserActuatorProbe {
    private final DemoBrowser browser;

    BrowserActuatorProbe(DemoBrowser browser) {
        this.browser = browser;
    }

    Outcome typeIntoStale(int number) {
        return browser.actuator.perform(new Action.Type(Target.byNumber(number), "x"), Guards.admitAll());
    }
}
