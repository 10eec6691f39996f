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

    /** Nothing on the screen fits; {@code waitable} text may still appear (a page still loading). */
    record NotThere(String message, java.util.Optional<String> waitable) implements Grounded { }
}
