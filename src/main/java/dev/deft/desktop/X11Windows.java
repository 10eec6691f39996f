package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Polling;
import dev.deft.core.Sleeper;
import dev.deft.core.Stopped;
import java.awt.Rectangle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows under X11, through {@code wmctrl} (the list, with class and process; focusing, which needs a window manager),
 * {@code xdotool} (which window is active) and {@code xwininfo} (where a window really is: wmctrl and xdotool count
 * the window manager's frame twice).
 */
final class X11Windows implements Windows {
    private static final Pattern LISTED = Pattern.compile(
            "^(0x[0-9a-fA-F]+)\\s+(-?\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)(?: (.*))?$");
    private static final Pattern CORNER_X = Pattern.compile("Absolute upper-left X:\\s+(-?\\d+)");
    private static final Pattern CORNER_Y = Pattern.compile("Absolute upper-left Y:\\s+(-?\\d+)");
    private static final Pattern WIDTH = Pattern.compile("\\n\\s*Width:\\s+(\\d+)");
    private static final Pattern HEIGHT = Pattern.compile("\\n\\s*Height:\\s+(\\d+)");

    private final Clock clock;
    private final Polling polling;

    X11Windows(Clock clock) {
        this.clock = clock;
        // a look at the screen takes a while itself: a short, even pause between two
        this.polling = Polling.every(clock, Duration.ofMillis(50));
    }

    /** Whether this is an X11 session with the helpers installed; otherwise says what is missing. */
    static Optional<String> missing() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of("DISPLAY is not set, so this is not an X11 session");
        }
        List<String> absent = new ArrayList<>();
        for (String program : List.of("wmctrl", "xdotool", "xwininfo")) {
            if (!HostCommand.installed(program)) {
                absent.add(program);
            }
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", absent) + " not installed (apt install wmctrl xdotool x11-utils)");
    }

    @Override
    public Optional<DesktopWindow> focused() {
        String active;
        try {
            active = HostCommand.run(List.of("xdotool", "getactivewindow")).strip();
        } catch (Stopped e) {
            throw e;
        } catch (DeftException e) {
            return Optional.empty(); // no window has the focus, or no window manager says which
        }
        if (!active.matches("\\d+")) {
            return Optional.empty();
        }
        long id = Long.parseLong(active);
        // only the active window's bounds are asked for: each costs a call of xwininfo
        return listed(listing -> Long.decode(listing.group(1)) == id).stream().findFirst();
    }

    @Override
    public List<DesktopWindow> all() {
        return listed(listing -> true);
    }

    /** The listed windows the filter keeps, with their bounds. */
    private List<DesktopWindow> listed(Predicate<Matcher> keep) {
        String listing = listing();
        List<DesktopWindow> windows = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher listed = LISTED.matcher(line.strip());
            if (listed.matches() && keep.test(listed)) {
                String id = listed.group(1);
                boundsOf(id).ifPresent(bounds -> windows.add(new DesktopWindow(id, listed.group(6),
                        listed.group(4), Long.parseLong(listed.group(3)), bounds)));
            }
        }
        return windows;
    }

    /**
     * What {@code wmctrl -lxp} prints. A window that closes while wmctrl reads the list makes it fail with BadWindow,
     * so a failure is tried again twice before it counts.
     */
    private static String listing() {
        DeftException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return HostCommand.run(List.of("wmctrl", "-lxp"));
            } catch (Stopped e) {
                throw e;
            } catch (DeftException e) {
                last = e;
                pause();
            }
        }
        throw new DeftException("Cannot list the windows: " + last.getMessage()
                + " Is a window manager running? Start one (e.g. openbox) and try again.", last);
    }

    /** A moment before reading the window list again. */
    private static void pause() {
        try {
            Sleeper.SYSTEM.sleep(Duration.ofMillis(50));
        } catch (InterruptedException e) {
            throw Stopped.from(e, "waiting for the window list");
        }
    }

    /** Where the window's own area is, or nothing if it went away meanwhile. */
    private static Optional<Rectangle> boundsOf(String id) {
        String info;
        try {
            info = HostCommand.run(List.of("xwininfo", "-id", id));
        } catch (Stopped e) {
            throw e;
        } catch (DeftException e) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle(number(CORNER_X, info), number(CORNER_Y, info), number(WIDTH, info),
                number(HEIGHT, info)));
    }

    private static int number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new DeftException("xwininfo printed no " + pattern.pattern() + "; is it the X.Org one?");
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public void focus(DesktopWindow window) {
        try {
            HostCommand.run(List.of("wmctrl", "-i", "-a", window.id()));
        } catch (Stopped e) {
            throw e;
        } catch (DeftException e) {
            throw new DeftException("Could not focus " + window.describe() + ": " + e.getMessage()
                    + " Focusing needs a window manager (e.g. openbox).", e);
        }
        long id = Long.decode(window.id());
        polling.untilPresent("the window \"" + window.title() + "\" to get the focus", Duration.ofSeconds(3),
                () -> focused().filter(w -> Long.decode(w.id()) == id),
                none -> "the focus stayed on " + focused().map(DesktopWindow::describe).orElse("no window")
                        + "; is a window manager running?");
    }

    @Override
    public String describe() {
        return "X11: focused window's title, class, process and bounds (xdotool, wmctrl, xwininfo)";
    }
}
