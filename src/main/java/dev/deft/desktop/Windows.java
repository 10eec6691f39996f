package dev.deft.desktop;

import java.util.List;
import java.util.Optional;

/**
 * The platform's windows: which has the focus, which there are, and bringing one to the front. Under X11 it is
 * {@link X11Windows}; where nothing tells about windows, {@link NoWindows}, and Deft works on the whole screen.
 */
interface Windows {

    /** The window with the keyboard focus, if the platform says. */
    Optional<DesktopWindow> focused();

    /** The top-level windows, in the order the platform lists them. */
    List<DesktopWindow> all();

    /** Brings the window to the front and gives it the keyboard; returns once it has the focus. */
    void focus(DesktopWindow window);

    /** What this platform tells about windows, in a line for a person. */
    String describe();
}
