package dev.deft.ui;

import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The card a risky step waits on: what will happen in plain words, the exact payload (secrets already masked),
 * the screenshot of the page as it is, and Approve (Ctrl+Enter) or Reject (Esc). Empty and hidden while nothing
 * waits. Rejecting is the focused, safe default.
 */
final class ApprovalCard extends VBox {
    static final KeyCombination APPROVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REJECT = new KeyCodeCombination(KeyCode.ESCAPE);

    private final Label heading = new Label();
    private final Label consequence = new Label();
    private final Label summary = new Label();
    private final GridPane payload = new GridPane();
    private final SimpleStringProperty screenshot = new SimpleStringProperty("");
    private final Button approve = new Button("_Approve");
    private final Button reject = new Button("_Reject");
    private PendingApproval pending;

    ApprovalCard() {
        getStyleClass().add("approval-card");
        setSpacing(10);
        heading.getStyleClass().add("approval-heading");
        consequence.getStyleClass().add("approval-consequence");
        consequence.setWrapText(true);
        summary.getStyleClass().add("approval-summary");
        summary.setWrapText(true);
        // a wrapped label in a box is given one line's height unless it may not be smaller than its text
        summary.setMinHeight(Region.USE_PREF_SIZE);
        consequence.setMinHeight(Region.USE_PREF_SIZE);
        payload.getStyleClass().add("payload");
        payload.setHgap(12);
        payload.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        payload.getColumnConstraints().addAll(keys, values);

        approve.getStyleClass().addAll("accent", "approve");
        approve.setMnemonicParsing(true);
        approve.setOnAction(e -> answer(true));
        reject.getStyleClass().addAll("danger", "reject");
        reject.setMnemonicParsing(true);
        reject.setOnAction(e -> answer(false));
        Label keysHint = new Label("Ctrl+Enter approves · Esc rejects");
        keysHint.getStyleClass().add("caption");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(10, keysHint, grow, reject, approve);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Thumbnail shot = new Thumbnail(screenshot, 320, 200, "the page before this step");
        VBox words = new VBox(8, heading, consequence, summary, payload);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox middle = new HBox(16, words, shot);
        getChildren().addAll(middle, buttons);
        hideCard();
        sceneProperty().addListener((seen, before, now) -> {
            if (now != null) {
                keys(now);
            }
        });
    }

    /** Shows {@code approval}, replacing whatever waited before (which is refused). */
    void show(PendingApproval approval) {
        if (pending != null && pending != approval) {
            pending.reject();
        }
        pending = approval;
        var request = approval.request();
        heading.setText("Approve step " + request.step() + "? (" + request.risk() + ")");
        consequence.setText(RiskText.consequence(request.risk()));
        summary.setText(request.summary());
        payload.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> entry : request.payload().entrySet()) {
            Label key = new Label(entry.getKey());
            key.getStyleClass().add("payload-key");
            Label value = new Label(entry.getValue());
            value.getStyleClass().add("payload-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            payload.addRow(row++, key, value);
        }
        screenshot.set(approval.screenshot().orElse(""));
        setVisible(true);
        setManaged(true);
        reject.requestFocus();
        // the run may stop waiting by itself (stopped, timed out): the card goes with it
        approval.answer().whenComplete((decision, error) -> Platform.runLater(() -> {
            if (pending == approval) {
                pending = null;
                hideCard();
            }
        }));
    }

    boolean waiting() {
        return pending != null;
    }

    private void answer(boolean yes) {
        if (pending == null) {
            return;
        }
        if (yes) {
            pending.approve();
        } else {
            pending.reject();
        }
    }

    private void hideCard() {
        setVisible(false);
        setManaged(false);
    }

    private void keys(Scene scene) {
        scene.getAccelerators().put(APPROVE, () -> {
            if (waiting()) {
                answer(true);
            }
        });
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (REJECT.match(key) && waiting()) {
                answer(false);
                key.consume();
            }
        });
    }
}
