package dev.deft.desktop;

import java.awt.Rectangle;
import java.util.Locale;

/**
 * Where a pattern was seen, how alike it was (0 to 1) and at what size relative to the pattern file.
 *
 * @param box   on the screen
 * @param scale the pattern's size on the screen over its size in the file: 1.5 when cut at 100 % and shown at 150 %
 */
public record PatternMatch(Rectangle box, double score, double scale) {
    public PatternMatch {
        box = new Rectangle(box);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    public java.awt.Point centre() {
        return new java.awt.Point(box.x + box.width / 2, box.y + box.height / 2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d,%d %dx%d (score %.2f%s)", box.x, box.y, box.width, box.height,
                score, Math.abs(scale - 1) < 0.01 ? "" : String.format(Locale.ROOT, ", at %.0f %%", scale * 100));
    }
}
