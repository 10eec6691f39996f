package dev.deft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A key or a chord as a person writes it ({@code Enter}, {@code ctrl+s}, {@code ctrl+shift+Tab}, {@code alt+F4},
 * {@code ctrl++}): its keys by one name each, modifiers first as written, the key pressed last. Each surface reads
 * the names with a table of its own (WebDriver's keys, the robot's key codes, the hotkey hook's).
 *
 * @param keys the keys, each a name below or a single character, lower-case
 */
public record Chord(String written, List<String> keys) {
    /** The modifiers, held while the last key is pressed. */
    public static final Set<String> MODIFIERS = Set.of("ctrl", "alt", "shift", "meta", "super", "altgr");
    /** Every named key, with the other names people use for it. */
    public static final Set<String> NAMED = Set.of("ctrl", "alt", "shift", "meta", "super", "altgr", "enter", "tab",
            "escape", "space", "backspace", "delete", "insert", "home", "end", "pageup", "pagedown", "up", "down", "left",
            "right", "plus", "minus", "menu", "printscreen", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10",
            "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24");
    private static final Map<String, String> OTHER_NAMES = Map.ofEntries(Map.entry("control", "ctrl"),
            Map.entry("option", "alt"), Map.entry("cmd", "meta"), Map.entry("command", "meta"), Map.entry("win", "super"),
            Map.entry("return", "enter"), Map.entry("esc", "escape"), Map.entry("del", "delete"),
            Map.entry("arrowup", "up"), Map.entry("arrowdown", "down"), Map.entry("arrowleft", "left"),
            Map.entry("arrowright", "right"), Map.entry("pgup", "pageup"), Map.entry("pgdn", "pagedown"),
            Map.entry("pagedn", "pagedown"), Map.entry("ins", "insert"), Map.entry("prtsc", "printscreen"));

    public Chord {
        Require.nonBlank(written, "written");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a chord needs a key");
        }
    }

    /**
     * Reads a chord; a "+" separates keys only when a key stands on its left, so {@code ctrl++} is Ctrl with plus.
     *
     * @throws DeftException with one line to show when a key is not one Deft knows
     */
    public static Chord parse(String written) {
        String chord = written == null ? "" : written.strip();
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (char c : chord.toCharArray()) {
            if (c == '+' && !key.toString().isBlank()) {
                keys.add(name(key.toString().strip(), chord));
                key.setLength(0);
            } else {
                key.append(c);
            }
        }
        if (!key.toString().isBlank()) {
            keys.add(name(key.toString().strip(), chord));
        }
        if (keys.isEmpty()) {
            throw new DeftException("No key in \"" + chord + "\"; write keys like Enter, ctrl+s or alt+F4.");
        }
        return new Chord(chord, keys);
    }

    /** The key pressed last: the one the modifiers are held for. */
    public String last() {
        return keys.get(keys.size() - 1);
    }

    /** The modifiers written before the last key. */
    public List<String> modifiers() {
        return keys.subList(0, keys.size() - 1);
    }

    private static String name(String key, String chord) {
        if (key.codePointCount(0, key.length()) == 1) {
            return key.toLowerCase(Locale.ROOT);
        }
        String name = key.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "").replace("-", "");
        name = OTHER_NAMES.getOrDefault(name, name);
        if (!NAMED.contains(name)) {
            throw new DeftException("Unknown key \"" + key + "\" in \"" + chord
                    + "\"; write keys like Enter, Tab, Escape, ctrl+s, alt+F4, shift+Left or single characters.");
        }
        return name;
    }

    @Override
    public String toString() {
        return written;
    }
}
