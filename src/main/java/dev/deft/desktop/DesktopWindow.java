package dev.deft.desktop;

import dev.deft.core.Require;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Locale;

/**
 * A top-level window as the platform tells it.
 *
 * @param id        the platform's handle (an X11 window id such as {@code 0x00800003})
 * @param title     the title bar's text
 * @param appClass  the window's class ({@code mousepad.Mousepad} under X11), empty where the platform does not say
 * @param pid       the process that shows it, 0 when unknown
 * @param bounds    where it is on the screen, without the frame the window manager draws
 */
public record DesktopWindow(String id, String title, String appClass, long pid, Rectangle bounds) {
    public DesktopWindow {
        id = Require.nonBlank(id, "id");
        title = title == null ? "" : title.strip();
        appClass = appClass == null ? "" : appClass.strip();
        bounds = new Rectangle(Require.nonNull(bounds, "bounds"));
    }

    @Override
    public Rectangle bounds() {
        return new Rectangle(bounds);
    }

    /** Whether {@code words} name this window: words of its title, or its class. */
    public boolean isNamedBy(String words) {
        String wanted = words.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return false;
        }
        return title.toLowerCase(Locale.ROOT).contains(wanted)
                || Arrays.stream(appClass.toLowerCase(Locale.ROOT).split("\\.")).anyMatch(wanted::equals);
    }

    /** {@code "Untitled 1 - Mousepad" (mousepad.Mousepad) at 76,517 640x480}. */
    public String describe() {
        return '"' + title + '"' + (appClass.isEmpty() ? "" : " (" + appClass + ")") + " at " + bounds.x + "," + bounds.y
                + " " + bounds.width + "x" + bounds.height;
    }
}
