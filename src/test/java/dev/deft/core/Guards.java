package dev.deft.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Guards for tests that drive an actuator directly, outside a run's step chain. */
public final class Guards {
    private Guards() {
    }

    /** Lets everything through: for tests of what an actuator does, not of what it may do. */
    public static ActGuard admitAll() {
        return found -> Optional.empty();
    }

    /** Remembers what it was asked about, and answers as {@code inner} does. */
    public static final class Recording implements ActGuard {
        public final List<Resolution> asked = new CopyOnWriteArrayList<>();
        private final ActGuard inner;

        public Recording(ActGuard inner) {
            this.inner = inner;
        }

        @Override
        public Optional<Outcome> admit(Resolution found) {
            asked.add(found);
            return inner.admit(found);
        }
    }

    /** Says no to everything, as a step that was refused: nothing may be done after it. */
    public static Recording refusing() {
        return new Recording(found -> Optional.of(new Outcome.Rejected("Refused by the test: " + found.bound().describe(),
                "test")));
    }
}
