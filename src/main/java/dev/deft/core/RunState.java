package dev.deft.core;

import java.util.EnumSet;
import java.util.Set;

/** Where a run is: planning, waiting for a person, acting, or ended. */
public enum RunState {
    STARTING, PLANNING, AWAITING_APPROVAL, ACTING, DONE, FAILED, REJECTED;

    /** The states this one may move to. */
    Set<RunState> next() {
        return switch (this) {
            case STARTING -> EnumSet.of(PLANNING, FAILED);
            case PLANNING -> EnumSet.of(ACTING, AWAITING_APPROVAL, DONE, FAILED);
            case AWAITING_APPROVAL -> EnumSet.of(ACTING, REJECTED, FAILED);
            case ACTING -> EnumSet.of(PLANNING, ACTING, AWAITING_APPROVAL, DONE, FAILED);
            case DONE, FAILED, REJECTED -> EnumSet.noneOf(RunState.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
