package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Outcome;
import dev.deft.core.Resolution;
import java.util.Optional;

/** Asks the step's guard about what was found; what it says instead of yes ends the action with nothing done. */
final class Admission {
    private Admission() {
    }

    /** The guard said no, or not yet: nothing was done, and this is the step's outcome. */
    static final class NotAdmitted extends RuntimeException {
        final transient Outcome instead;

        NotAdmitted(Outcome instead) {
            super(instead.detail(), null, false, false);
            this.instead = instead;
        }
    }

    /** Returns only when the guard lets the action go ahead on what was found. */
    static void require(ActGuard guard, Resolution found) {
        Optional<Outcome> instead = guard.admit(found);
        if (instead.isPresent()) {
            throw new NotAdmitted(instead.get());
        }
    }
}
