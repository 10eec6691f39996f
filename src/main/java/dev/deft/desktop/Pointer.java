package dev.deft.desktop;

import dev.deft.core.Action;
import dev.deft.core.Stopped;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;

/**
 * The mouse, through {@link Robot}: every single move, press and wheel step first asks the {@link FailSafe} and
 * whether the step was stopped, and a pressed button is always let go again, so the kill switch never leaves a
 * drag half done with the button held.
 */
final class Pointer {
    /** Drags move in steps, as a hand does; many applications ignore a drop that arrives in one jump. */
    private static final int DRAG_STEPS = 12;
    private static final int DOUBLE_CLICK_GAP_MS = 80;

    private final Robot robot;
    private final FailSafe failSafe;

    Pointer(Robot robot, FailSafe failSafe) {
        this.robot = robot;
        this.failSafe = failSafe;
    }

    void moveTo(Point where, String doing) {
        Stopped.check(doing);
        failSafe.check();
        robot.mouseMove(where.x, where.y);
        failSafe.placed(where);
    }

    void click(Point where, Action.Click.Button button) {
        String doing = "clicking at " + where.x + "," + where.y;
        moveTo(where, doing);
        int mask = button == Action.Click.Button.RIGHT ? InputEvent.BUTTON3_DOWN_MASK : InputEvent.BUTTON1_DOWN_MASK;
        int clicks = button == Action.Click.Button.DOUBLE ? 2 : 1;
        // checked once, before the clicks: a check between the two clicks of a double click can stretch them apart
        // beyond the toolkit's double-click time on a busy machine, and the application sees two single clicks
        Stopped.check(doing);
        failSafe.check();
        for (int i = 0; i < clicks; i++) {
            if (i > 0) {
                // a hand's double click has a moment between its clicks; toolkits that read clicks as gestures
                // (GTK's) take two presses with no time between for one
                robot.delay(DOUBLE_CLICK_GAP_MS);
            }
            robot.mousePress(mask);
            robot.mouseRelease(mask);
        }
    }

    void drag(Point from, Point to) {
        String doing = "dragging from " + from.x + "," + from.y + " to " + to.x + "," + to.y;
        moveTo(from, doing);
        failSafe.check();
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        try {
            for (int step = 1; step <= DRAG_STEPS; step++) {
                moveTo(new Point(from.x + (to.x - from.x) * step / DRAG_STEPS,
                        from.y + (to.y - from.y) * step / DRAG_STEPS), doing);
            }
        } finally {
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
    }

    /** Turns the wheel {@code notches} times; sideways is the wheel with Shift held, as most toolkits take it. */
    void scroll(Point at, Action.Scroll.Direction direction, int notches) {
        String doing = "scrolling " + direction.name().toLowerCase(Locale.ROOT);
        if (at != null) {
            moveTo(at, doing);
        }
        boolean sideways = direction == Action.Scroll.Direction.LEFT || direction == Action.Scroll.Direction.RIGHT;
        int sign = direction == Action.Scroll.Direction.UP || direction == Action.Scroll.Direction.LEFT ? -1 : 1;
        if (sideways) {
            robot.keyPress(KeyEvent.VK_SHIFT);
        }
        try {
            for (int i = 0; i < notches; i++) {
                Stopped.check(doing);
                failSafe.check();
                robot.mouseWheel(sign);
            }
        } finally {
            if (sideways) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
        }
    }

    Point location() {
        java.awt.PointerInfo info = java.awt.MouseInfo.getPointerInfo();
        return info == null ? new Point(0, 0) : info.getLocation();
    }
}
