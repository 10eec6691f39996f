package dev.deft.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The applications installed on this computer, as Linux desktops list them: the {@code .desktop} files under
 * {@code $XDG_DATA_HOME/applications} and each {@code $XDG_DATA_DIRS/applications}. An application is found by
 * its Name, GenericName or Keywords, so "calculator" finds Galculator and "text editor" finds Mousepad.
 */
public final class DesktopEntries {
    /** Matches below this are not the application meant. */
    static final double ENOUGH = 0.8;

    private final List<DesktopEntry> entries;

    public DesktopEntries(List<DesktopEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries of this computer's folders, read now; the user's own first, as desktops do. */
    public static DesktopEntries installed(Map<String, String> env) {
        return read(folders(env));
    }

    static List<Path> folders(Map<String, String> env) {
        List<Path> folders = new ArrayList<>();
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String dataHome = env.getOrDefault("XDG_DATA_HOME", home + "/.local/share");
        folders.add(Path.of(dataHome, "applications"));
        String dataDirs = env.getOrDefault("XDG_DATA_DIRS", "");
        for (String dir : (dataDirs.isBlank() ? "/usr/local/share:/usr/share" : dataDirs).split(":")) {
            if (!dir.isBlank()) {
                folders.add(Path.of(dir, "applications"));
            }
        }
        return folders;
    }

    /** Reads the entries of these folders; an entry in an earlier folder hides one of the same file name later. */
    public static DesktopEntries read(List<Path> folders) {
        Map<String, DesktopEntry> byFile = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, 2)) {
                files.filter(f -> f.toString().endsWith(".desktop")).sorted().forEach(file -> {
                    String id = folder.relativize(file).toString().replace('/', '-');
                    if (!byFile.containsKey(id)) {
                        parse(file).ifPresent(entry -> byFile.put(id, entry));
                    }
                });
            } catch (IOException e) {
                // an unreadable folder lists nothing
            }
        }
        return new DesktopEntries(byFile.values().stream().filter(e -> !e.hidden()).toList());
    }

    /** The entry of a {@code .desktop} file, if it describes an application that can be run. */
    static Optional<DesktopEntry> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inEntry = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inEntry = line.equals("[Desktop Entry]");
            } else if (inEntry && line.contains("=") && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                keys.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        String exec = withoutFieldCodes(keys.getOrDefault("Exec", ""));
        if (!"Application".equals(keys.getOrDefault("Type", "Application")) || keys.getOrDefault("Name", "").isBlank()
                || exec.isBlank()) {
            return Optional.empty();
        }
        boolean hidden = "true".equalsIgnoreCase(keys.get("Hidden")) || "true".equalsIgnoreCase(keys.get("NoDisplay"));
        List<String> keywords = Arrays.stream(keys.getOrDefault("Keywords", "").split(";"))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        boolean terminal = "true".equalsIgnoreCase(keys.get("Terminal"));
        return Optional.of(new DesktopEntry(keys.get("Name"), keys.get("GenericName"), keywords, exec, terminal, hidden,
                file));
    }

    /** {@code mousepad %U} → {@code mousepad}: the launcher's placeholders for files and URLs are dropped. */
    static String withoutFieldCodes(String exec) {
        return exec.replaceAll("(?<!%)%[fFuUdDnNickvm]", "").replace("%%", "%").strip();
    }

    public List<DesktopEntry> all() {
        return entries;
    }

    /** The application {@code words} name best, if any names it well enough. */
    public Optional<DesktopEntry> find(String words) {
        return ranked(words).stream().findFirst();
    }

    /** Every application {@code words} name well enough, best first; of equals, those with windows of their own first. */
    public List<DesktopEntry> ranked(String words) {
        String wanted = normalised(words);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return entries.stream().map(entry -> Map.entry(entry, score(entry, wanted)))
                .filter(scored -> scored.getValue() >= ENOUGH)
                .sorted(Comparator.<Map.Entry<DesktopEntry, Double>>comparingDouble(Map.Entry::getValue).reversed()
                        .thenComparing(scored -> scored.getKey().terminal())
                        .thenComparing(scored -> scored.getKey().name()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * How well {@code wanted} names the entry: 1 for its name or program, 0.95 for its generic name or a keyword,
     * 0.9 for a whole word of those, and the names' likeness for a near miss ("calculator" and "Galculator": 0.9);
     * nine tenths of that for an application that runs in a terminal.
     */
    static double score(DesktopEntry entry, String wanted) {
        // an application that runs in a terminal shows nothing when launched without one: another of the kind wins
        return entry.terminal() ? 0.9 * nameScore(entry, wanted) : nameScore(entry, wanted);
    }

    private static double nameScore(DesktopEntry entry, String wanted) {
        String name = normalised(entry.name());
        String generic = normalised(entry.genericName());
        if (name.equals(wanted) || entry.program().toLowerCase(Locale.ROOT).equals(wanted)) {
            return 1;
        }
        List<String> keywords = entry.keywords().stream().map(DesktopEntries::normalised).toList();
        if (generic.equals(wanted) || keywords.contains(wanted)) {
            return 0.95;
        }
        if (containsWords(name, wanted) || containsWords(generic, wanted)) {
            return 0.9;
        }
        return Math.max(Similarity.of(name, wanted), Similarity.of(generic, wanted));
    }

    private static boolean containsWords(String text, String words) {
        return !text.isEmpty() && (" " + text + " ").contains(" " + words + " ");
    }

    /** Lower case, without "the", "a", "app" and "application" around the name. */
    static String normalised(String words) {
        String s = words == null ? "" : words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+ -]", " ").strip();
        s = s.replaceAll("^(the|a|an|my)\\s+", "").replaceAll("\\s+(app|application|program)$", "");
        return s.replaceAll("\\s+", " ").strip();
    }
}
