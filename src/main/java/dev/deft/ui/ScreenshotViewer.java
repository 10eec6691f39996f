package dev.deft.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A step's screenshot at full size, in its own window; Esc closes it. */
final class ScreenshotViewer {
    private ScreenshotViewer() {
    }

    static void show(Window owner, String file, String title) {
        ImageView view = new ImageView(new Image(Path.of(file).toUri().toString(), true));
        view.setPreserveRatio(true);
        ScrollPane pane = new ScrollPane(view);
        pane.setPannable(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(pane, 1100, 760);
        scene.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }
}
