package dev.deft.app;

import dev.deft.core.DeftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Deft keeps things: the configuration file and the data folder (journal, screenshots, skills, log), after
 * XDG on Linux, overridden by {@code DEFT_CONFIG} and {@code DEFT_DATA_DIR}.
 */
public record DeftPaths(Path configFile, Path dataDir) {

    public static DeftPaths from(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        Path config = nonBlank(env.get("DEFT_CONFIG")).map(Path::of).orElseGet(() ->
                nonBlank(env.get("XDG_CONFIG_HOME")).map(Path::of).orElse(home.resolve(".config"))
                        .resolve("deft").resolve("config.json"));
        Path data = nonBlank(env.get("DEFT_DATA_DIR")).map(Path::of).orElseGet(() ->
                nonBlank(env.get("XDG_DATA_HOME")).map(Path::of).orElse(home.resolve(".local").resolve("share"))
                        .resolve("deft"));
        return new DeftPaths(config.toAbsolutePath(), data.toAbsolutePath());
    }

    /** The data folder, created if need be, after checking that files can be written there. */
    public Path usableDataDir() {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw unusable("it is a file, not a folder");
        }
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw unusable("cannot write there (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isReadable(dataDir)) {
            throw unusable("cannot read it");
        }
        return dataDir;
    }

    public Path screenshots() {
        return dataDir.resolve("screenshots");
    }

    /** The person's own skills: recorded, imported or repaired. */
    public Path skills() {
        return dataDir.resolve("skills");
    }

    /**
     * The skills that ship with Deft: {@code DEFT_BUILTIN_SKILLS} where set, else the {@code skills/} folder beside
     * the application (next to its jar, one or two folders up, as the repository and the installed app have it).
     */
    public static java.util.Optional<Path> builtInSkills(Map<String, String> env) {
        java.util.Optional<Path> set = nonBlank(env.get("DEFT_BUILTIN_SKILLS")).map(Path::of);
        if (set.isPresent()) {
            return set;
        }
        try {
            Path code = Path.of(DeftPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = code.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                Path skills = dir.resolve("skills");
                if (Files.isDirectory(skills)) {
                    return java.util.Optional.of(skills);
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source to go by: no built-in skills
        }
        return java.util.Optional.empty();
    }

    public Path vault() {
        return dataDir.resolve("vault.properties");
    }

    public Path log() {
        return dataDir.resolve("deft.log");
    }

    private DeftException.Configuration unusable(String why) {
        return new DeftException.Configuration("Cannot use the data folder " + dataDir + ": " + why
                + ". Set DEFT_DATA_DIR to a folder you can write to.");
    }

    private static java.util.Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
