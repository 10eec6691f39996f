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

    /**
     * A person is about to act on this surface (Take over): show it to them in front, and forget what was seen
     * before, since they will change it.
     */
    default void bringToFront() {
    }

    @Override
    default void close() {
    }
}
