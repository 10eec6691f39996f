package dev.deft.ui;

import dev.deft.core.RiskClass;
import java.time.Instant;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of a run as its card shows it; changed on the JavaFX thread only. */
public final class StepItem {
    private final int step;
    private final String action;
    private final ObjectProperty<RiskClass> risk;
    private final String reason;
    private final Instant at;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PLANNED);
    private final LongProperty millis = new SimpleLongProperty(-1);
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty screenshot = new SimpleStringProperty("");
    private final IntegerProperty retries = new SimpleIntegerProperty();

    StepItem(int step, String action, RiskClass risk, String reason, Instant at) {
        this.step = step;
        this.action = action;
        this.risk = new SimpleObjectProperty<>(risk);
        this.reason = reason == null ? "" : reason;
        this.at = at;
    }

    public int step() {
        return step;
    }

    /** The action in plain words, as {@code Action.describe()} says it. */
    public String action() {
        return action;
    }

    /** The step's class: as planned, raised once what it acts on was found to need more (the approval's class). */
    public ObjectProperty<RiskClass> risk() {
        return risk;
    }

    public String reason() {
        return reason;
    }

    /** When the step was planned; a step replayed from the journal has no time of its own. */
    public java.util.Optional<Instant> at() {
        return java.util.Optional.ofNullable(at);
    }

    public ObjectProperty<StepState> state() {
        return state;
    }

    /** How long the step took, or -1 while it runs. */
    public LongProperty millis() {
        return millis;
    }

    public StringProperty detail() {
        return detail;
    }

    /** What the step read, where it read something. */
    public StringProperty value() {
        return value;
    }

    /** The screenshot after the step: a file path, or blank. */
    public StringProperty screenshot() {
        return screenshot;
    }

    /** How many times the step failed and was tried again. */
    public IntegerProperty retries() {
        return retries;
    }
}
