package dev.deft.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first run's welcome, above the Run tab's timeline: what Deft needs (a browser, its driver, a display, a model),
 * what was found of each and what to do about what is missing, and a button that runs the demo.
 */
final class WelcomePane extends VBox {
    private final GridPane checks = new GridPane();
    private final Button demo = new Button("Try the demo");

    /** @param tryDemo runs the demo request it is given */
    WelcomePane(Consumer<String> tryDemo) {
        super(10);
        setId("welcome");
        getStyleClass().add("welcome");
        Label title = new Label("Welcome to Deft");
        title.getStyleClass().add("section-title");
        Label words = new Label("Type what you want done above, or try the demo: Deft opens its own demo shop and does "
                + "it step by step. Here is what it found on this machine.");
        words.getStyleClass().add("caption");
        words.setWrapText(true);
        checks.setHgap(12);
        checks.setVgap(8);
        checks.add(new Label("Checking what Deft needs…"), 0, 0);
        demo.setId("try-demo");
        demo.getStyleClass().add("accent");
        demo.setDisable(true);
        Button close = new Button("Close");
        close.setId("close-welcome");
        close.setOnAction(e -> hide());
        HBox buttons = new HBox(10, demo, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, words, checks, buttons);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        demo.setOnAction(e -> {
            if (demo.getUserData() instanceof String request) {
                tryDemo.accept(request);
            }
        });
    }

    /** Shows the welcome while the checks run. */
    void checking() {
        setVisible(true);
    }

    /** Shows what the checks found, and the demo the button runs. */
    void show(List<Readiness.Item> items, String demoRequest) {
        checks.getChildren().clear();
        for (Readiness.Item item : items) {
            Label mark = new Label(item.ready() ? "✓ found" : "✗ missing");
            mark.getStyleClass().addAll("chip", item.ready() ? "state-done" : "state-failed");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(item.what());
            what.getStyleClass().add("field-label");
            what.setMinWidth(70);
            Label detail = new Label(item.detail());
            detail.setWrapText(true);
            detail.setId("welcome-" + item.what().toLowerCase(java.util.Locale.ROOT));
            GridPane.setHgrow(detail, Priority.ALWAYS);
            checks.addRow(checks.getRowCount(), mark, what, detail);
        }
        demo.setUserData(demoRequest);
        demo.setText("Try the demo: " + demoRequest);
        demo.setDisable(false);
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }
}
