package dev.deft.ui;

import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal.ApprovalRecord;
import dev.deft.core.RunJournal.DecisionRecord;
import dev.deft.core.RunJournal.RunRecord;
import dev.deft.core.RunJournal.StepRecord;
import dev.deft.core.RunListener;
import dev.deft.core.RunStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of one run's timeline: its steps, the planner's thinking, its status and summary. As a
 * {@link RunListener} it takes the run's events on the run's thread and applies them on the JavaFX thread
 * (through {@code fx}); a past run is replayed from its journal record. It holds no nodes.
 */
public final class RunSession implements RunListener {
    private final Executor fx;
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final Map<Integer, StepItem> byNumber = new HashMap<>();
    private final StringProperty request = new SimpleStringProperty("");
    private final StringProperty runId = new SimpleStringProperty("");
    private final StringProperty planner = new SimpleStringProperty("");
    private final StringProperty thinking = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.RUNNING);
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private volatile String lastScreenshot = "";
    private boolean streaming;

    /** A run about to start; {@code fx} runs its updates on the JavaFX thread. */
    public RunSession(String request, Executor fx) {
        this.fx = fx;
        this.request.set(request);
        this.live.set(true);
    }

    /** A past run from the journal, as it ended. */
    public static RunSession replay(RunRecord record) {
        RunSession session = new RunSession(record.run().request(), Runnable::run);
        session.live.set(false);
        session.runId.set(record.run().id());
        session.planner.set(record.run().planner());
        session.status.set(record.run().status());
        session.summary.set(record.run().summary());
        record.decisions().stream().map(DecisionRecord::thought).filter(t -> !t.isBlank())
                .reduce((first, last) -> last).ifPresent(session.thinking::set);
        for (StepRecord step : record.steps()) {
            StepItem item = new StepItem(step.step(), step.action(), step.risk(), step.reason(), null);
            item.state().set(step.status().map(StepState::of).orElse(StepState.FAILED));
            item.millis().set(step.millis());
            item.detail().set(step.detail());
            step.value().ifPresent(item.value()::set);
            step.screenshot().ifPresent(item.screenshot()::set);
            session.steps.add(item);
        }
        for (ApprovalRecord approval : record.approvals()) {
            session.steps.stream().filter(s -> s.step() == approval.step()).findFirst().ifPresent(item -> {
                String answer = approval.approved().map(yes -> (yes ? "Approved" : "Rejected") + " by "
                        + approval.decidedBy()).orElse("Never answered");
                item.detail().set(answer + (item.detail().get().isBlank() ? "" : " — " + item.detail().get()));
            });
        }
        return session;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.StepFinished finished && finished.screenshot().isPresent()) {
            lastScreenshot = finished.screenshot().get();
        }
        fx.execute(() -> apply(event));
    }

    @Override
    public void modelText(String run, String fragment) {
        fx.execute(() -> {
            if (!streaming) {
                thinking.set("");
                streaming = true;
            }
            thinking.set(thinking.get() + fragment);
        });
    }

    /** The run could not start: says why, as its summary. */
    public void failedToStart(String why) {
        fx.execute(() -> {
            status.set(RunStatus.FAILED);
            summary.set(why);
            live.set(false);
        });
    }

    private void apply(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            runId.set(started.run());
            planner.set(started.planner());
        } else if (event instanceof RunEvent.PlanMade plan) {
            streaming = false;
            if (!plan.thought().isBlank()) {
                thinking.set(plan.thought());
            }
        } else if (event instanceof RunEvent.RunPaused pause) {
            paused.set(true);
            thinking.set("Paused: " + pause.by() + " has the browser. Press Resume when done; Deft looks at the page "
                    + "afresh before it goes on.");
        } else if (event instanceof RunEvent.RunResumed resumed) {
            paused.set(false);
            thinking.set("Resumed by " + resumed.by() + "; looking at the page afresh.");
        } else if (event instanceof RunEvent.StepPlanned planned) {
            StepItem item = new StepItem(planned.step(), planned.action().describe(), planned.risk(), planned.reason(),
                    planned.at());
            item.state().set(StepState.RUNNING);
            byNumber.put(planned.step(), item);
            steps.add(item);
        } else if (event instanceof RunEvent.ApprovalRequested asked) {
            step(asked.request().step()).ifPresent(item -> {
                item.state().set(StepState.WAITING);
                // what the step acts on, once found, may need more than it was planned with
                item.risk().set(item.risk().get().atLeast(asked.request().risk()));
            });
        } else if (event instanceof RunEvent.ApprovalDecided decided) {
            step(decided.step()).ifPresent(item -> {
                item.state().set(decided.approved() ? StepState.RUNNING : StepState.REJECTED);
                item.detail().set((decided.approved() ? "Approved" : "Rejected") + " by " + decided.by());
            });
        } else if (event instanceof RunEvent.StepFinished finished) {
            step(finished.step()).ifPresent(item -> {
                if (finished.status() == dev.deft.core.StepStatus.RETRIED) {
                    item.retries().set(item.retries().get() + 1);
                }
                item.state().set(StepState.of(finished.status()));
                item.millis().set(finished.millis());
                item.detail().set(finished.detail());
                finished.value().ifPresent(item.value()::set);
                finished.screenshot().ifPresent(item.screenshot()::set);
            });
        } else if (event instanceof RunEvent.RunFinished ended) {
            status.set(ended.status());
            summary.set(ended.summary());
            live.set(false);
            paused.set(false);
        }
    }

    private Optional<StepItem> step(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The screenshot after the latest step that took one; readable from any thread. */
    public Optional<String> lastScreenshot() {
        return lastScreenshot.isBlank() ? Optional.empty() : Optional.of(lastScreenshot);
    }

    public ObservableList<StepItem> steps() {
        return steps;
    }

    public StringProperty request() {
        return request;
    }

    public StringProperty runId() {
        return runId;
    }

    public StringProperty planner() {
        return planner;
    }

    /** What the planner is thinking: a model's text as it streams, or the command planner's reading of the request. */
    public StringProperty thinking() {
        return thinking;
    }

    public StringProperty summary() {
        return summary;
    }

    public ObjectProperty<RunStatus> status() {
        return status;
    }

    /** Whether a person has taken over and the run waits for Resume. */
    public BooleanProperty paused() {
        return paused;
    }

    /** Whether the run is still going. */
    public BooleanProperty live() {
        return live;
    }
}
