package dev.deft.core;

import java.util.Map;
import java.util.Optional;

/**
 * One action on its way to an actuator, with its class as the policy decided it and the surface it was planned on.
 *
 * @param approval the yes a person gave, once one was asked for: to the action bound to what it acts on, with the
 *                 payload they read; empty until then
 */
public record Step(String run, int number, Action action, RiskClass risk, Observation before,
                   Optional<Approval> approval) {
    public Step {
        Require.nonNull(run, "run");
        Require.nonNull(action, "action");
        Require.nonNull(risk, "risk");
        before = before == null ? Observation.NONE : before;
        approval = approval == null ? Optional.empty() : approval;
    }

    public Step(String run, int number, Action action, RiskClass risk, Observation before) {
        this(run, number, action, risk, before, Optional.empty());
    }

    /** This step as a person approved it: the bound action, at its class, for that payload only. */
    Step approved(Action bound, RiskClass atRisk, Map<String, String> payload) {
        return new Step(run, number, bound, risk.atLeast(atRisk), before,
                Optional.of(new Approval(bound, Map.copyOf(payload))));
    }

    /** A person's yes: to this action, bound to what it acts on, with this payload. */
    public record Approval(Action action, Map<String, String> payload) {
        public Approval {
            Require.nonNull(action, "action");
            payload = Map.copyOf(payload == null ? Map.of() : payload);
        }

        boolean covers(Action bound, Map<String, String> now) {
            return action.equals(bound) && payload.equals(now);
        }
    }
}
