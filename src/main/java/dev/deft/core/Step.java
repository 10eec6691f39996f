package dev.deft.core;

/** One action on its way to an actuator, with its class as the policy decided it and the surface it was planned on. */
public record Step(String run, int number, Action action, RiskClass risk, Observation before) {
    public Step {
        Require.nonNull(run, "run");
        Require.nonNull(action, "action");
        Require.nonNull(risk, "risk");
        before = before == null ? Observation.NONE : before;
    }
}
