package dev.deft.core;

/**
 * An action as a planner chose it. {@code claimedRisk} is the planner's own view of the risk: it can raise
 * the class the policy gives, never lower it.
 */
public record PlannedAction(Action action, RiskClass claimedRisk, String reason) {
    public PlannedAction {
        Require.nonNull(action, "action");
        claimedRisk = claimedRisk == null ? RiskClass.READ : claimedRisk;
        reason = reason == null ? "" : reason;
    }

    public PlannedAction(Action action) {
        this(action, RiskClass.READ, "");
    }
}
