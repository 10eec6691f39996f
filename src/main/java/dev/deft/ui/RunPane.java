package dev.deft.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Run tab: the prompt field with Run and Stop, a one-line notice, and the live timeline with its approval card. */
final class RunPane extends VBox {
    private final TextField prompt = new TextField();
    private final Label notice = new Label();
    private final RunController controller;
    private final TimelineView timeline;
    private final WelcomePane welcome = new WelcomePane(this::run);

    RunPane(RunController controller, ApprovalCard card) {
        this.controller = controller;
        getStyleClass().add("run-pane");
        setSpacing(12);
        prompt.setPromptText("What should Deft do?  e.g. open the shop and search for teapot");
        prompt.getStyleClass().add("prompt-field");
        prompt.setId("prompt");
        HBox.setHgrow(prompt, Priority.ALWAYS);
        Button run = new Button("Run");
        run.setId("run");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.setTooltip(new Tooltip("Run the request (Enter)"));
        run.setOnAction(e -> runTyped());
        prompt.setOnAction(e -> runTyped());
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setTooltip(new Tooltip("Stop the run before its next step (kill switch: Ctrl+Alt+Escape)"));
        stop.disableProperty().bind(controller.running().not());
        stop.setOnAction(e -> controller.stop("stopped from the window"));
        run.disableProperty().bind(controller.running());
        Button takeOver = new Button("_Take over");
        takeOver.setId("take-over");
        takeOver.setTooltip(new Tooltip("Pause before the next step and bring the browser to the front, to act in it "
                + "yourself (a login, a code, a CAPTCHA); Resume goes on from what the page shows then"));
        takeOver.setOnAction(e -> controller.takeOver());
        takeOver.disableProperty().bind(controller.running().not());
        takeOver.visibleProperty().bind(controller.paused().not());
        takeOver.managedProperty().bind(takeOver.visibleProperty());
        Button resume = new Button("_Resume");
        resume.setId("resume");
        resume.getStyleClass().add("success");
        resume.setTooltip(new Tooltip("Go on from what the page shows now"));
        resume.setOnAction(e -> controller.resume());
        resume.visibleProperty().bind(controller.paused());
        resume.managedProperty().bind(resume.visibleProperty());
        HBox row = new HBox(8, prompt, run, takeOver, resume, stop);
        row.setAlignment(Pos.CENTER_LEFT);

        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        timeline = new TimelineView("Type a request above and press Enter. Try \"open the shop, search for usb cable "
                + "and add the cheapest to the cart\". Each step shows up here as Deft takes it; anything that "
                + "sends, pays, deletes or changes an account waits for your Approve.", card);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        controller.current().addListener((seen, before, now) -> {
            if (now != null) {
                welcome.hide();
                timeline.show(now);
            }
        });
        getChildren().addAll(row, notice, welcome, timeline);
    }

    /** Runs {@code request} as if typed here. */
    void run(String request) {
        prompt.setText(request);
        runTyped();
    }

    private void runTyped() {
        notice.setText(controller.start(prompt.getText()).orElse(""));
    }

    void focusPrompt() {
        prompt.requestFocus();
        prompt.selectAll();
    }

    WelcomePane welcome() {
        return welcome;
    }

    TimelineView timeline() {
        return timeline;
    }
}
