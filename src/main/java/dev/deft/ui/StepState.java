package dev.deft.ui;

import dev.deft.core.StepStatus;
import java.util.Locale;

/** Where a step of the timeline is: what its card says and how it is coloured. */
public enum StepState {
    PLANNED("planned"), WAITING("waiting for approval"), RUNNING("running"), DONE("done"), FAILED("failed"),
    RETRIED("failed, retrying"), REJECTED("not approved");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS class of the status chip, such as {@code state-done}. */
    String styleClass() {
        return "state-" + name().toLowerCase(Locale.ROOT);
    }

    static StepState of(StepStatus status) {
        return switch (status) {
            case DONE -> DONE;
            case FAILED -> FAILED;
            case RETRIED -> RETRIED;
            case REJECTED -> REJECTED;
        };
    }
}
