package dev.deft.core;

/** The state of one run, moved only along the edges {@link RunState} allows. Safe to read from any thread. */
public final class RunLifecycle {
    private volatile RunState state = RunState.STARTING;

    public RunState current() {
        return state;
    }

    /** Moves from {@code from} to {@code to}; refuses a move from another state or along an edge that isn't there. */
    public synchronized void transition(RunState from, RunState to) {
        if (state != from) {
            throw new IllegalStateException("run is " + state + ", not " + from + "; cannot move to " + to);
        }
        if (!from.next().contains(to)) {
            throw new IllegalStateException("a run cannot move from " + from + " to " + to);
        }
        state = to;
    }

    /** Moves to {@code to} from whatever the state is now, if that edge exists. */
    public synchronized void moveTo(RunState to) {
        transition(state, to);
    }
}
