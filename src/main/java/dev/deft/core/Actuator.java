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

    /**
     * Performs one action; failures are outcomes, not exceptions. Before it changes anything it finds what the action
     * acts on, once, and asks {@code guard} about exactly that ({@link Resolution}): it acts only when the guard lets
     * it, and only on what it asked about; an outcome the guard gives instead is returned as it is. Every action asks,
     * those that act on nothing too.
     */
    Outcome perform(Action action, ActGuard guard);

    /**
     * A picture of the surface as it is now with {@code target} outlined, for an approval card (never fails: empty
     * where the surface cannot make one or the target is not there).
     */
    default java.util.Optional<java.nio.file.Path> pictureOf(Target target) {
        return java.util.Optional.empty();
    }

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
