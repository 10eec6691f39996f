package dev.deft.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * A screenshot's thumbnail as a button: loaded in the background, and opened at full size with a click, Enter or
 * Space. Hidden while there is no screenshot.
 */
final class Thumbnail extends Button {
    private final ImageView view = new ImageView();

    Thumbnail(ObservableStringValue file, double width, double height, String title) {
        getStyleClass().add("thumbnail");
        view.setFitWidth(width);
        view.setFitHeight(height);
        view.setPreserveRatio(true);
        setGraphic(view);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setCursor(Cursor.HAND);
        setTooltip(new Tooltip("Show the screenshot at full size"));
        setAccessibleText("Screenshot of " + title);
        show(file.get());
        file.addListener((seen, before, now) -> show(now));
        setOnAction(e -> {
            if (file.get() != null && !file.get().isBlank()) {
                ScreenshotViewer.show(getScene().getWindow(), file.get(), title);
            }
        });
    }

    private void show(String file) {
        boolean there = file != null && !file.isBlank() && Files.exists(Path.of(file));
        setVisible(there);
        setManaged(there);
        if (there) {
            view.setImage(new Image(Path.of(file).toUri().toString(), view.getFitWidth() * 2, view.getFitHeight() * 2,
                    true, true, true));
        }
    }
}
