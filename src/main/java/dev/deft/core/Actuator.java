package dev.deft.core;

/** Performs actions on one surface (the browser, the desktop) and observes it. Closed by its owner, once. */
public interface Actuator extends AutoCloseable {

    /** The surface this actuator drives: {@code browser} or {@code desktop}. */
    String surface();

    boolean handles(Action action);

    /** What the surface shows now. */
    Observation observe();

    /** Performs one action; failures are outcomes, not exceptions. */
    Outcome perform(Action action);

    @Override
    default void close() {
    }
}
