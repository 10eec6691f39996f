package dev.deft.core;

import java.util.Optional;

/**
 * The last word before an actuator changes its surface. An actuator finds what an action acts on once, asks
 * {@link #admit} about exactly that, and acts only on a yes and only on what it asked about: so the thing the risk
 * rules judged is the thing acted on, whatever words a plan or a recording used to look for it.
 */
@FunctionalInterface
public interface ActGuard {

    /**
     * @return empty to go ahead; otherwise the outcome the actuator returns instead of acting, having changed nothing
     *         (a halt, or a yes still to be asked for)
     */
    Optional<Outcome> admit(Resolution found);

    /**
     * The guard for acting outside a run, where no person can be asked: what would need a yes is refused, and so is
     * what is not what was asked for.
     */
    static ActGuard unattended(RiskPolicy policy) {
        return found -> {
            if (found.disagreement().isPresent()) {
                return Optional.of(Outcome.failed("Halted before acting: " + found.disagreement().get() + "."));
            }
            RiskClass risk = policy.classify(found.bound(), found.seenOn());
            return risk.needsApproval()
                    ? Optional.of(new Outcome.Rejected(found.bound().describe() + " is " + risk + ", which needs a person's "
                    + "yes, and none can be asked here.", "nobody (no one to ask)"))
                    : Optional.empty();
        };
    }
}
