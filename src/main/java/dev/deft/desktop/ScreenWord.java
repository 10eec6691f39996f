package dev.deft.desktop;

import dev.deft.core.Require;
import java.awt.Rectangle;

/** A word read from the screen by OCR, with its box on the screen and Tesseract's confidence (0 to 100). */
public record ScreenWord(String text, Rectangle box, double confidence) {
    public ScreenWord {
        text = Require.nonBlank(text, "text");
        box = new Rectangle(Require.nonNull(box, "box"));
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    /** The middle of the word's box's left-to-right run on its line, for ordering words into lines. */
    int middleY() {
        return box.y + box.height / 2;
    }
}
