package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Stopped;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The person's emergency stop: throwing the mouse into a corner of the screen. Before every low-level move, click,
 * key and scroll, the pointer is checked; if it sits in a corner, and it is neither where Deft put it nor where it
 * rested when Deft first looked, the step fails, the run is told to stop, and every later input is refused for the
 * rest of this actuator's life (one run).
 */
final class FailSafe {
    /** How near a corner (in pixels) counts as in it: a thrown mouse stops at the very edge. */
    static final int CORNER = 2;

    private final Supplier<Point> pointer;
    private final Supplier<Rectangle> screen;
    private final Consumer<String> stopRun;
    private Point placed;
    private String tripped;

    /**
     * @param pointer where the pointer is now
     * @param stopRun told once, with the reason, when the fail-safe trips: it cancels the run
     */
    FailSafe(Supplier<Point> pointer, Supplier<Rectangle> screen, Consumer<String> stopRun) {
        this.pointer = pointer;
        this.screen = screen;
        this.stopRun = stopRun;
    }

    /** Throws {@link Tripped} when the person has thrown the pointer into a corner. */
    synchronized void check() {
        if (tripped != null) {
            throw new Tripped(tripped);
        }
        Point now = pointer.get();
        if (now == null || now.equals(placed)) {
            return;
        }
        if (placed == null) {
            // where the pointer rests when Deft starts is the person's business, even in a corner: only a throw counts
            placed = now;
            return;
        }
        corner(now, screen.get()).ifPresent(corner -> {
            tripped = "Stopped by the fail-safe: the mouse was moved into the " + corner + " corner of the screen. "
                    + "Move it away and run the request again.";
            stopRun.accept(tripped);
            throw new Tripped(tripped);
        });
    }

    /** Deft itself put the pointer here; a corner it was put in is not the person's signal. */
    synchronized void placed(Point where) {
        placed = new Point(where);
    }

    synchronized boolean isTripped() {
        return tripped != null;
    }

    static Optional<String> corner(Point p, Rectangle screen) {
        boolean left = p.x <= screen.x + CORNER;
        boolean right = p.x >= screen.x + screen.width - 1 - CORNER;
        boolean top = p.y <= screen.y + CORNER;
        boolean bottom = p.y >= screen.y + screen.height - 1 - CORNER;
        if (top && left) return Optional.of("top-left");
        if (top && right) return Optional.of("top-right");
        if (bottom && left) return Optional.of("bottom-left");
        if (bottom && right) return Optional.of("bottom-right");
        return Optional.empty();
    }

    /** The fail-safe stopped the step. */
    static final class Tripped extends DeftException {
        Tripped(String message) {
            super(message);
        }
    }
}
