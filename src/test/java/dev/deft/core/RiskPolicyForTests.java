package dev.deft.core;

import java.util.Locale;

/** A policy for core tests, which may not depend on the real rules: "order" means PAY, "delete" DELETE, other clicks SUBMIT. */
enum RiskPolicyForTests implements RiskPolicy {
    INSTANCE;

    @Override
    public RiskClass classify(Action action, Observation observation) {
        String words = action.target().map(Target::toString).orElse("").toLowerCase(Locale.ROOT);
        if (words.contains("order")) return RiskClass.PAY;
        if (words.contains("delete")) return RiskClass.DELETE;
        if (action instanceof Action.Click) return RiskClass.SUBMIT;
        if (action instanceof Action.Type) return RiskClass.INPUT;
        return RiskClass.READ;
    }
}
