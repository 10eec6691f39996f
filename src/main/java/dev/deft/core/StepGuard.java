package dev.deft.core;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard the step chain gives an actuator for one step. It classes what the actuator found (never less than the
 * class the step was planned with), lets it through when that needs no yes, or when a person said yes to exactly it
 * with exactly this payload; otherwise it answers {@link Outcome.NeedsApproval}. What was found where it disagrees
 * with what the step looked for is acted on only with a yes: without one, the step halts and says why.
 */
final class StepGuard implements ActGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StepGuard.class);

    private final Step step;
    private final RiskPolicy policy;
    private final Secrets secrets;
    private boolean consulted;

    StepGuard(Step step, RiskPolicy policy, Secrets secrets) {
        this.step = step;
        this.policy = policy;
        this.secrets = secrets;
    }

    @Override
    public synchronized Optional<Outcome> admit(Resolution found) {
        consulted = true;
        Observation seen = secrets == Secrets.NONE ? found.seenOn() : new MaskedObservation(found.seenOn(), secrets);
        RiskClass risk = step.risk().atLeast(classify(found.bound(), seen));
        if (!risk.needsApproval()) {
            return found.disagreement().map(why -> Outcome.failed("Halted before acting: " + why + "."));
        }
        Map<String, String> payload = payload(found.bound(), seen);
        if (step.approval().filter(yes -> yes.covers(found.bound(), payload)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.NeedsApproval(found.bound(), risk, payload, seen.surface(),
                found.disagreement()));
    }

    /** Whether the actuator asked before acting, as every actuator must. */
    synchronized boolean consulted() {
        return consulted;
    }

    private RiskClass classify(Action action, Observation seen) {
        try {
            return policy.classify(action, seen);
        } catch (RuntimeException e) {
            // A policy that cannot decide must not let the action through unasked.
            LOG.error("The risk policy failed on {}; treating it as needing approval", action, e);
            return RiskClass.ACCOUNT;
        }
    }

    private Map<String, String> payload(Action action, Observation seen) {
        try {
            return policy.payload(action, seen);
        } catch (RuntimeException e) {
            LOG.warn("Could not work out the payload of step {}; showing the action's own", step.number(), e);
            return ApprovalRequest.payloadOf(action);
        }
    }
}
