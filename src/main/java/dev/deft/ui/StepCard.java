package dev.deft.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One step of the timeline: its number, the action in plain words, the risk class, the status, the time, the
 * outcome and a thumbnail of the screenshot after it.
 */
final class StepCard extends HBox {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    StepCard(StepItem item) {
        getStyleClass().add("step-card");
        setSpacing(12);
        setAlignment(Pos.TOP_LEFT);
        setFocusTraversable(true);

        Label number = new Label(Integer.toString(item.step()));
        number.getStyleClass().add("step-number");
        number.setMinWidth(Region.USE_PREF_SIZE);

        Label action = new Label(item.action());
        action.getStyleClass().add("step-action");
        action.setWrapText(true);

        Label risk = new Label(RiskText.chip(item.risk().get()));
        risk.getStyleClass().addAll("chip", RiskText.styleClass(item.risk().get()));
        item.risk().addListener((seen, before, now) -> {
            risk.setText(RiskText.chip(now));
            risk.getStyleClass().remove(RiskText.styleClass(before));
            risk.getStyleClass().add(RiskText.styleClass(now));
        });
        Label state = new Label();
        state.getStyleClass().add("chip");
        state.textProperty().bind(Bindings.createStringBinding(() -> item.state().get().label()
                + (item.retries().get() > 0 && item.state().get() != StepState.RETRIED
                ? " after " + item.retries().get() + (item.retries().get() == 1 ? " retry" : " retries") : ""),
                item.state(), item.retries()));
        paint(state, item.state().get());
        item.state().addListener((seen, before, now) -> paint(state, now));
        Label time = new Label();
        time.getStyleClass().add("step-time");
        time.textProperty().bind(Bindings.createStringBinding(() -> item.at().map(CLOCK::format).map(t -> t + "  ")
                .orElse("") + (item.millis().get() >= 0 ? item.millis().get() + " ms" : ""), item.millis()));
        HBox meta = new HBox(8, risk, state, time);
        meta.setAlignment(Pos.CENTER_LEFT);

        Label detail = new Label();
        detail.getStyleClass().add("step-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> item.value().get().isBlank()
                ? item.detail().get() : item.detail().get() + "\n= " + item.value().get(), item.detail(), item.value()));
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());

        VBox body = new VBox(6, action, meta, detail);
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMaxWidth(Double.MAX_VALUE);

        Thumbnail thumbnail = new Thumbnail(item.screenshot(), 176, 110, "step " + item.step());
        getChildren().addAll(number, body, thumbnail);
        setAccessibleText("Step " + item.step() + ": " + item.action());
    }

    private static void paint(Label chip, StepState state) {
        chip.getStyleClass().removeIf(c -> c.startsWith("state-"));
        chip.getStyleClass().add(state.styleClass());
    }
}
