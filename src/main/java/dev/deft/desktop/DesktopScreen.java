package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Stopped;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.sikuli.script.Screen;

/** The primary screen through SikuliX: its bounds and what it shows. Opened on first use, since that takes a while. */
final class DesktopScreen {
    private Screen screen;

    private synchronized Screen screen() {
        if (screen == null) {
            if (GraphicsEnvironment.isHeadless()) {
                throw new DeftException.Configuration("There is no screen to act on: Java runs headless (no DISPLAY); "
                        + "run Deft in a desktop session, or under xvfb-run.");
            }
            screen = new Screen();
        }
        return screen;
    }

    Rectangle bounds() {
        return screen().getBounds();
    }

    /** The whole screen as it is now. */
    BufferedImage capture() {
        Stopped.check("looking at the screen");
        return screen().capture().getImage();
    }
}
