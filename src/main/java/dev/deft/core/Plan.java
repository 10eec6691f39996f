package dev.deft.core;

import java.util.List;

/** A planner's answer: actions to take next, or an honest "I can't" that ends the run. */
public sealed interface Plan {

    /** Calls to a language model this answer cost. */
    int llmCalls();

    /** What the planner thought, for a person to read. */
    String thought();

    /** Tokens the language model read and wrote for this answer. */
    TokenUsage tokens();

    /** Take these actions, in order; a failure among them sends the run back to the planner. */
    record Act(List<PlannedAction> actions, String thought, int llmCalls, TokenUsage tokens) implements Plan {
        public Act {
            actions = List.copyOf(Require.nonNull(actions, "actions"));
            if (actions.isEmpty()) throw new IllegalArgumentException("a plan needs at least one action");
            thought = thought == null ? "" : thought;
            if (llmCalls < 0) throw new IllegalArgumentException("llmCalls must not be negative");
            tokens = tokens == null ? TokenUsage.NONE : tokens;
        }
        public Act(List<PlannedAction> actions, String thought, int llmCalls) {
            this(actions, thought, llmCalls, TokenUsage.NONE);
        }
    }

    /** The planner cannot do the request; {@code reason} says what it did not understand and what would help. */
    record GiveUp(String thought, int llmCalls, TokenUsage tokens) implements Plan {
        public GiveUp {
            thought = Require.nonBlank(thought, "thought");
            if (llmCalls < 0) throw new IllegalArgumentException("llmCalls must not be negative");
            tokens = tokens == null ? TokenUsage.NONE : tokens;
        }
        public GiveUp(String thought, int llmCalls) {
            this(thought, llmCalls, TokenUsage.NONE);
        }
    }

    static Plan act(String thought, Action... actions) {
        return new Act(java.util.Arrays.stream(actions).map(PlannedAction::new).toList(), thought, 0);
    }

    static Plan giveUp(String reason) {
        return new GiveUp(reason, 0);
    }
}
