package dev.deft.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a window by what a person calls it: words of its title ("Untitled 1"), its class ("Mousepad"), or what its
 * application is ("the editor" is the window of the application whose desktop entry says "Text Editor").
 */
final class WindowNames {
    private final Windows windows;
    private final DesktopEntries entries;

    WindowNames(Windows windows, DesktopEntries entries) {
        this.windows = windows;
        this.entries = entries;
    }

    /** The window so named: the focused one if it is, else the newest. */
    Optional<DesktopWindow> find(String name) {
        List<DesktopWindow> all = windows.all();
        Optional<DesktopWindow> focused = windows.focused();
        List<DesktopWindow> named = new ArrayList<>(all.stream().filter(w -> w.isNamedBy(name)).toList());
        if (named.isEmpty()) {
            String wanted = DesktopEntries.normalised(name);
            for (DesktopEntry entry : entries.ranked(wanted)) {
                String program = entry.program().toLowerCase(Locale.ROOT);
                all.stream().filter(w -> w.isNamedBy(program) || commandOf(w.pid()).equals(program)).forEach(named::add);
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return focused.filter(f -> named.stream().anyMatch(w -> w.id().equals(f.id())))
                .or(() -> Optional.of(named.get(named.size() - 1)));
    }

    /** The window so named, or a failure listing the windows there are. */
    DesktopWindow require(String name) {
        return find(name).orElseThrow(() -> new dev.deft.core.DeftException("No window is called \"" + name
                + "\"; open windows: " + titles() + ". Name one of those, or launch the application first."));
    }

    String titles() {
        List<String> titles = windows.all().stream().map(w -> '"' + w.title() + '"').toList();
        return titles.isEmpty() ? "none" : String.join(", ", titles);
    }

    private static String commandOf(long pid) {
        if (pid <= 0) {
            return "";
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(c -> c.substring(c.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).orElse("");
    }
}
