package dev.deft.ui;

import dev.deft.core.RunStatus;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A run's timeline: the request and its status with a progress bar while it runs, what the planner is thinking,
 * an optional slot (the approval card), the step cards as they come, and how it ended.
 */
final class TimelineView extends VBox {
    private final Label title = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label thinking = new Label();
    private final VBox thinkingBox;
    private final VBox cards = new VBox(10);
    private final ScrollPane scroller = new ScrollPane(cards);
    private final Label summary = new Label();
    private final Label placeholder;
    private RunSession shown;
    private final ListChangeListener<StepItem> follow = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(item -> cards.getChildren().add(new StepCard(item)));
        }
        scrollToEnd();
    };

    TimelineView(String emptyText, Node slot) {
        getStyleClass().add("timeline");
        setSpacing(12);
        title.getStyleClass().add("timeline-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("chip");
        status.setMinWidth(Region.USE_PREF_SIZE);
        progress.getStyleClass().add("run-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefHeight(6);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox head = new HBox(12, title, grow, status);
        head.setAlignment(Pos.CENTER_LEFT);

        Label thinkingCaption = new Label("Thinking");
        thinkingCaption.getStyleClass().add("caption");
        thinking.getStyleClass().add("thinking");
        thinking.setWrapText(true);
        thinkingBox = new VBox(4, thinkingCaption, thinking);
        thinkingBox.getStyleClass().add("thinking-box");
        thinkingBox.visibleProperty().bind(thinking.textProperty().isNotEmpty());
        thinkingBox.managedProperty().bind(thinkingBox.visibleProperty());

        cards.getStyleClass().add("cards");
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("cards-scroller");
        VBox.setVgrow(scroller, Priority.ALWAYS);

        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        placeholder = new Label(emptyText);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        cards.getChildren().add(placeholder);

        getChildren().addAll(head, progress, thinkingBox);
        if (slot != null) {
            getChildren().add(slot);
        }
        getChildren().addAll(scroller, summary);
        head.visibleProperty().bind(title.textProperty().isNotEmpty());
        head.managedProperty().bind(head.visibleProperty());
        progress.setVisible(false);
        progress.setManaged(false);
    }

    /** Shows {@code session}, following it as it grows. */
    void show(RunSession session) {
        if (shown != null) {
            shown.steps().removeListener(follow);
        }
        shown = session;
        title.textProperty().bind(session.request());
        thinking.textProperty().bind(session.thinking());
        summary.textProperty().bind(session.summary());
        status.textProperty().bind(Bindings.createStringBinding(() -> label(session), session.status(), session.live(),
                session.paused()));
        session.status().addListener((seen, before, now) -> paint(session));
        session.live().addListener((seen, before, now) -> paint(session));
        session.paused().addListener((seen, before, now) -> paint(session));
        paint(session);
        progress.visibleProperty().bind(session.live().and(session.paused().not()));
        progress.managedProperty().bind(session.live());
        cards.getChildren().setAll(session.steps().stream().map(StepCard::new).toList());
        session.steps().addListener(follow);
        scrollToEnd();
    }

    RunSession shown() {
        return shown;
    }

    private static String label(RunSession session) {
        if (session.paused().get()) {
            return "paused: you have the browser";
        }
        if (session.live().get()) {
            return "running";
        }
        RunStatus status = session.status().get();
        return status == RunStatus.REJECTED ? "stopped at an approval" : status.wire();
    }

    private void paint(RunSession session) {
        status.getStyleClass().removeIf(c -> c.startsWith("run-"));
        status.getStyleClass().add(session.paused().get() ? "run-paused" : session.live().get() ? "run-running"
                : "run-" + session.status().get().name().toLowerCase(Locale.ROOT));
        summary.getStyleClass().removeIf(c -> c.startsWith("run-"));
        summary.getStyleClass().add("run-" + session.status().get().name().toLowerCase(Locale.ROOT));
    }

    private void scrollToEnd() {
        cards.layout();
        scroller.setVvalue(1.0);
    }
}
