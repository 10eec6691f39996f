package dev.deft.core;

import java.util.List;

/** Receives a run's events as they happen, on the run's thread. */
@FunctionalInterface
public interface RunListener {

    void on(RunEvent event);

    RunListener NONE = event -> { };

    /** One listener that tells each of {@code listeners}, in order. */
    static RunListener all(RunListener... listeners) {
        List<RunListener> each = List.of(listeners);
        return event -> each.forEach(listener -> listener.on(event));
    }
}
