package dev.deft.core;

import java.util.Locale;

/** How one step ended. */
public enum StepStatus {
    DONE, FAILED, RETRIED, REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus of(Outcome outcome) {
        if (outcome instanceof Outcome.Done) return DONE;
        if (outcome instanceof Outcome.Rejected) return REJECTED;
        return FAILED;
    }
}
