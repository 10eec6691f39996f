package dev.deft.core;

import java.util.List;

/**
 * What a planner sees: the request, the surface as it is now, and the steps taken so far in this run.
 *
 * @param step the number the next step will get
 */
public record PlanContext(String run, String request, Observation observation, List<StepResult> history, int step) {
    public PlanContext {
        Require.nonNull(request, "request");
        observation = observation == null ? Observation.NONE : observation;
        history = List.copyOf(history == null ? List.of() : history);
    }

    /** The last step's result, if there was one. */
    public java.util.Optional<StepResult> last() {
        return history.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(history.get(history.size() - 1));
    }
}
