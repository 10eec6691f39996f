package dev.deft.plan;

import dev.deft.core.Action;
import java.util.List;

/** An intent matched to the screen: the actions to take now, or why it cannot be. */
sealed interface Grounded {

    /** Take these actions; {@code finishes} when they complete the intent, else it is looked at again after them. */
    record Steps(List<Action> actions, boolean finishes, String thought) implements Grounded {
        public Steps {
            actions = List.copyOf(actions);
        }

        static Steps last(String thought, Action... actions) {
            return new Steps(List.of(actions), true, thought);
        }

        static Steps first(String thought, Action... actions) {
            return new Steps(List.of(actions), false, thought);
        }
    }

    /**
     * Nothing on the screen fits. {@code later}: it may yet appear, as on a page still loading ({@code waitable} is
     * the text to wait for, when there is one); not so for an ambiguity, which waiting does not mend.
     */
    record NotThere(String message, java.util.Optional<String> waitable, boolean later) implements Grounded {
        static NotThere yet(String message) {
            return new NotThere(message, java.util.Optional.empty(), true);
        }

        static NotThere never(String message) {
            return new NotThere(message, java.util.Optional.empty(), false);
        }
    }
}
