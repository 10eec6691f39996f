package dev.deft.desktop;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.Optional;

/**
 * Where a target was found on the screen and how.
 *
 * @param box    what was found
 * @param point  where to act: the box's centre, or the pattern's click offset from it
 * @param window the window the target is, when the target names a window
 * @param how    in words, with the score: {@code image "seven.png" at 1020,750 80x45 (score 0.99) in the window}
 */
record Located(Rectangle box, Point point, Optional<DesktopWindow> window, String how) {
    Located {
        box = new Rectangle(box);
        point = new Point(point);
        window = window == null ? Optional.empty() : window;
    }

    static Located at(Rectangle box, String how) {
        return new Located(box, new Point(box.x + box.width / 2, box.y + box.height / 2), Optional.empty(), how);
    }
}
