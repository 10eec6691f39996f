package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Polling;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts an application by the name its desktop entry gives it or by a command line, and waits for its window to
 * show. The program is run directly (no shell), with its output discarded, and outlives Deft as a person would expect.
 */
final class Launcher {
    private final DesktopEntries entries;
    private final Windows windows;
    private final Clock clock;
    private final Polling polling;
    private final Map<String, String> env;

    /** @param env the environment the applications get */
    Launcher(DesktopEntries entries, Windows windows, Clock clock, Map<String, String> env) {
        this.env = env;
        this.entries = entries;
        this.windows = windows;
        this.clock = clock;
        // a look at the screen takes a while itself: a short, even pause between two
        this.polling = Polling.every(clock, Duration.ofMillis(50));
    }

    /** What was started and the window it showed. */
    record Launched(String commandLine, ProcessHandle process, Optional<DesktopWindow> window) {
    }

    /** The command line that {@code application} names: its desktop entry's, or itself when it is a command. */
    String commandLineOf(String application) {
        List<String> words = CommandLine.words(application);
        boolean command = HostCommand.installed(words.get(0));
        Optional<DesktopEntry> entry = entries.find(application);
        if (entry.isPresent() && (!command || words.size() == 1 && entry.get().program().equals(words.get(0)))) {
            return entry.get().exec();
        }
        if (command) {
            return application;
        }
        throw new DeftException("No application called \"" + application + "\" is installed: no desktop entry's name "
                + "matches it and no command " + words.get(0) + " is on the PATH. Name an installed application or give its command.");
    }

    Launched launch(String application, Duration timeout) {
        String commandLine = commandLineOf(application);
        List<String> words = CommandLine.words(commandLine);
        boolean windowed = !(windows instanceof NoWindows);
        Set<String> before = windowed ? windows.all().stream().map(DesktopWindow::id).collect(Collectors.toSet()) : Set.of();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(words);
            builder.environment().clear();
            builder.environment().putAll(env);
            process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new DeftException("Could not start " + commandLine + ": " + e.getMessage(), e);
        }
        if (!windowed) {
            return new Launched(commandLine, process.toHandle(), Optional.empty());
        }
        String program = new File(words.get(0)).getName().toLowerCase(Locale.ROOT);
        DesktopWindow window = polling.untilPresent("a window of " + commandLine + " to show", timeout, () -> {
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new DeftException(commandLine + " ended with status " + process.exitValue()
                        + " before it showed a window; try it in a terminal to see why.");
            }
            return windows.all().stream().filter(w -> !before.contains(w.id()))
                    .filter(w -> w.pid() == 0 || belongsTo(w.pid(), process) || w.isNamedBy(program))
                    .reduce((first, second) -> second);
        }, failure -> failure != null ? failure.getMessage() : "no new window showed; windows now: "
                + windows.all().stream().map(w -> '"' + w.title() + '"').collect(Collectors.joining(", ")));
        windows.focus(window);
        return new Launched(commandLine, process.toHandle(), Optional.of(window));
    }

    private static boolean belongsTo(long pid, Process process) {
        return pid == process.pid() || process.descendants().anyMatch(p -> p.pid() == pid);
    }
}
