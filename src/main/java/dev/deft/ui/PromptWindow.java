package dev.deft.ui;

import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The prompt the global hotkey brings up over whatever is in front: built (and shown once, invisibly) at start so
 * that summoning it is only mapping a window. Enter runs the request; Esc hides it.
 */
final class PromptWindow {
    static final String TITLE = "Deft prompt";

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final TextField field = new TextField();

    PromptWindow(Consumer<String> run) {
        field.setId("quick-prompt");
        field.setPromptText("What should Deft do?");
        field.getStyleClass().add("quick-prompt");
        Label hint = new Label("Enter runs · Esc hides");
        hint.getStyleClass().add("caption");
        Label name = new Label("Deft");
        name.getStyleClass().add("prompt-brand");
        VBox box = new VBox(8, name, field, hint);
        box.getStyleClass().add("prompt-window");
        Scene scene = new Scene(box, 680, -1);
        scene.getStylesheets().add(DeftUi.STYLESHEET);
        scene.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        field.setOnAction(e -> {
            String request = field.getText();
            if (!request.isBlank()) {
                stage.hide();
                field.clear();
                run.accept(request);
            }
        });
        stage.setTitle(TITLE);
        stage.setAlwaysOnTop(true);
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcon.images());
    }

    /** Shows the prompt in front, focused, ready to type (on the JavaFX thread). */
    void summon() {
        if (!stage.isShowing()) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMinX() + (screen.getWidth() - 680) / 2);
            stage.setY(screen.getMinY() + screen.getHeight() / 4);
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        field.requestFocus();
        field.selectAll();
    }

    void hide() {
        stage.hide();
    }

    Stage stage() {
        return stage;
    }

    /**
     * Lays out and renders the scene once, unseen, so that the first summon is as quick as the others. Called once
     * the main window is up, not before: it would cost the main window that time.
     */
    void warmUp() {
        stage.setOpacity(0);
        stage.show();
        stage.hide();
        stage.setOpacity(1);
    }
}
