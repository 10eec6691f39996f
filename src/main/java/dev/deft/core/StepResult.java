package dev.deft.core;

/** One step of a run as the planner later sees it: what was done, at what risk, and how it came out. */
public record StepResult(int step, Action action, RiskClass risk, Outcome outcome) {
    public StepResult {
        Require.nonNull(action, "action");
        Require.nonNull(risk, "risk");
        Require.nonNull(outcome, "outcome");
    }
}
