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
     * Returns only when the action may go ahead on what was found; otherwise throws {@link NotAdmitted} carrying the
     * outcome, for an actuator to return from deep in its work with nothing done.
     */
    default void require(Resolution found) {
        Optional<Outcome> instead = admit(found);
        if (instead.isPresent()) {
            throw new NotAdmitted(instead.get());
        }
    }

    /** The guard said no, or not yet: nothing was done, and {@link #instead} is the step's outcome. */
    final class NotAdmitted extends RuntimeException {
        private final transient Outcome instead;

        public NotAdmitted(Outcome instead) {
            super(instead.detail(), null, false, false);
            this.instead = instead;
        }

        public Outcome instead() {
            return instead;
        }
    }

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
