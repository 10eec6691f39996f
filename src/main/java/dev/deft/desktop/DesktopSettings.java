package dev.deft.desktop;

import dev.deft.core.Require;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the desktop surface behaves.
 *
 * @param find     how long to look for a target before the step fails
 * @param launch   how long an application may take to show its window
 * @param patterns the folder relative pattern image paths are under
 */
public record DesktopSettings(Duration find, Duration launch, Path patterns) {
    public DesktopSettings {
        Require.nonNull(find, "find");
        Require.nonNull(launch, "launch");
        patterns = patterns == null ? Path.of("").toAbsolutePath() : patterns;
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), null);
    }

    public DesktopSettings withFind(Duration timeout) {
        return new DesktopSettings(timeout, launch, patterns);
    }
}
