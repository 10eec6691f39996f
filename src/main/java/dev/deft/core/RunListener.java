package dev.deft.core;

import java.util.List;

/** Receives a run's events as they happen, on the run's thread. */
@FunctionalInterface
public interface RunListener {

    void on(RunEvent event);

    /**
     * A fragment of what a language model is writing while it plans a step of {@code run}, for a window or a
     * terminal that shows the model thinking. Fragments are not events: the journal keeps the plan's thought
     * instead, once the step is planned.
     */
    default void modelText(String run, String fragment) {
    }

    /**
     * What the run's surface showed after a step (or at the start), for a client that asks to see the page. Not an
     * event: observations are large and the journal does not keep them.
     */
    default void observed(String run, Observation observation) {
    }

    /**
     * Something a person should know that is not a step, in one line: an MCP server that did not start, and that
     * the run goes on without it.
     */
    default void notice(String run, String message) {
    }

    RunListener NONE = event -> { };

    /** One listener that tells each of {@code listeners}, in order. */
    static RunListener all(RunListener... listeners) {
        List<RunListener> each = List.of(listeners);
        return new RunListener() {
            @Override
            public void on(RunEvent event) {
                each.forEach(listener -> listener.on(event));
            }

            @Override
            public void modelText(String run, String fragment) {
                each.forEach(listener -> listener.modelText(run, fragment));
            }

            @Override
            public void observed(String run, Observation observation) {
                each.forEach(listener -> listener.observed(run, observation));
            }

            @Override
            public void notice(String run, String message) {
                each.forEach(listener -> listener.notice(run, message));
            }
        };
    }
}
