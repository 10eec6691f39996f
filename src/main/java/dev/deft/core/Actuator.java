package dev.deft.core;

/** Performs actions on one surface (the browser, the desktop) and observes it. Closed by its owner, once. */
public interface Actuator extends AutoCloseable {

    /** The surface this actuator drives: {@code browser} or {@code desktop}. */
    String surface();

    boolean handles(Action action);

    /**
     * Whether this actuator has a surface a planner looks at. One that only calls out (the tools of other programs)
     * has none, so the loop goes on observing the page or screen it was on.
     */
    default boolean hasSurface() {
        return true;
    }

    /** What the surface shows now. */
    Observation observe();

    /** Performs one action; failures are outcomes, not exceptions. */
    Outcome perform(Action action);

    @Override
    default void close() {
    }
}
