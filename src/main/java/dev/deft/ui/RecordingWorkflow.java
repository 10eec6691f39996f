package dev.deft.ui;

import java.util.EnumSet;
import java.util.Set;

/**
 * One recording of a new skill, moved only along the edges {@link State} allows: its browser opens, the person does
 * the task while Deft watches, it stops for the review of its parameters, then it is saved or discarded. It holds no
 * browser and does no work; the Skills tab's view model does, and asks it first (JavaFX thread).
 */
final class RecordingWorkflow {

    /** Where a recording is. */
    enum State {
        /** Nothing opened yet. */
        IDLE,
        /** Its browser is being opened. */
        OPENING,
        /** The browser is open and Deft watches the person. */
        RECORDING,
        /** Watching has been asked to stop; the parameters found are on their way. */
        STOPPING,
        /** The parameters found are shown for the person to name. */
        REVIEWING,
        /** The skill is being written. */
        SAVING,
        /** The skill is kept among the person's own. */
        SAVED,
        /** Nothing is kept: the person discarded it, or the window closed. */
        DISCARDED,
        /** The browser did not open, or was gone when watching stopped: nothing is kept. */
        FAILED;

        /** The states this one may move to. */
        Set<State> next() {
            return switch (this) {
                case IDLE -> EnumSet.of(OPENING);
                case OPENING -> EnumSet.of(RECORDING, FAILED, DISCARDED);
                case RECORDING -> EnumSet.of(STOPPING, DISCARDED);
                case STOPPING -> EnumSet.of(REVIEWING, FAILED, DISCARDED);
                case REVIEWING -> EnumSet.of(SAVING, DISCARDED);
                // a save under way is not taken back: it ends saved, or back in review with why it failed
                case SAVING -> EnumSet.of(SAVED, REVIEWING);
                case SAVED, DISCARDED, FAILED -> EnumSet.noneOf(State.class);
            };
        }

        boolean isFinal() {
            return next().isEmpty();
        }

        /** Whether this recording holds the tab: from opening its browser until it is saved or let go. */
        boolean isUnderWay() {
            return this != IDLE && !isFinal();
        }
    }

    private State state = State.IDLE;

    State current() {
        return state;
    }

    boolean is(State wanted) {
        return state == wanted;
    }

    /** Moves from {@code from} to {@code to}; refuses a move from another state or along an edge that isn't there. */
    void transition(State from, State to) {
        if (state != from) {
            throw new IllegalStateException("the recording is " + state + ", not " + from + "; cannot move to " + to);
        }
        if (!from.next().contains(to)) {
            throw new IllegalStateException("a recording cannot move from " + from + " to " + to);
        }
        state = to;
    }
}
