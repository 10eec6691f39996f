package dev.deft.desktop;

import dev.deft.core.DeftException;
import java.util.List;
import java.util.Optional;

/** Where nothing tells about windows (no X11 helpers, another platform): only the whole screen is known. */
final class NoWindows implements Windows {
    private final String why;

    NoWindows(String why) {
        this.why = why;
    }

    @Override
    public Optional<DesktopWindow> focused() {
        return Optional.empty();
    }

    @Override
    public List<DesktopWindow> all() {
        return List.of();
    }

    @Override
    public void focus(DesktopWindow window) {
        throw new DeftException("Cannot focus windows here: " + why);
    }

    @Override
    public String describe() {
        return "no window information (" + why + "): Deft sees the whole screen";
    }
}
