package dev.deft.desktop;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the desktop calls things, for routing a request before any run starts: whether words name an installed
 * application (its desktop entry, or a command on the PATH) or a window that is open now.
 */
public final class DesktopNames {
    private final DesktopEntries entries;

    private DesktopNames(DesktopEntries entries) {
        this.entries = entries;
    }

    /** The names of this computer: its desktop entries as {@code env}'s XDG folders list them. */
    public static DesktopNames of(Map<String, String> env) {
        return new DesktopNames(DesktopEntries.installed(env));
    }

    /** Whether {@code words} name an installed application: "calculator", "Mousepad", "xcalc". */
    public boolean isApplication(String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        if (entries.find(words).isPresent()) {
            return true;
        }
        try {
            List<String> command = CommandLine.words(words);
            return HostCommand.installed(command.get(0)) && !command.get(0).contains(".");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a window so named is open now; false where the platform does not tell about windows. */
    public boolean isWindow(String words) {
        if (words == null || words.isBlank() || X11Windows.missing().isPresent()) {
            return false;
        }
        try {
            return new WindowNames(new X11Windows(Clock.systemUTC()), entries).find(words).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
