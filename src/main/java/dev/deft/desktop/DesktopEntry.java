package dev.deft.desktop;

import dev.deft.core.Require;
import java.nio.file.Path;
import java.util.List;

/**
 * One application as its {@code .desktop} file describes it (freedesktop.org Desktop Entry).
 *
 * @param exec     the command line with its field codes ({@code %U}, {@code %f}…) taken out
 * @param terminal whether it runs in a terminal (vim): launched without one, it would show nothing
 */
public record DesktopEntry(String name, String genericName, List<String> keywords, String exec, boolean terminal,
                           boolean hidden, Path file) {
    public DesktopEntry {
        name = Require.nonBlank(name, "name");
        genericName = genericName == null ? "" : genericName.strip();
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        exec = Require.nonBlank(exec, "exec");
    }

    /** The program the entry runs, without its folder: {@code mousepad}. */
    public String program() {
        String first = CommandLine.words(exec).get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
