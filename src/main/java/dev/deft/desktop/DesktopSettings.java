package dev.deft.desktop;

import dev.deft.core.Require;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the desktop surface behaves.
 *
 * @param find     how long to look for a target before the step fails
 * @param launch   how long an application may take to show its window
 * @param patterns    the folder relative pattern image paths are under
 * @param screenshots where a PNG of the focused window is kept after each step, for the journal; none when empty
 */
public record DesktopSettings(Duration find, Duration launch, Path patterns, Optional<Path> screenshots) {
    public DesktopSettings {
        Require.nonNull(find, "find");
        Require.nonNull(launch, "launch");
        patterns = patterns == null ? Path.of("").toAbsolutePath() : patterns;
        screenshots = screenshots == null ? Optional.empty() : screenshots;
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), null, Optional.empty());
    }

    public DesktopSettings withFind(Duration timeout) {
        return new DesktopSettings(timeout, launch, patterns, screenshots);
    }

    public DesktopSettings withScreenshots(Path folder) {
        return new DesktopSettings(find, launch, patterns, Optional.of(folder));
    }
}
