package dev.deft.desktop;

import dev.deft.core.Chord;
import dev.deft.core.DeftException;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Map;

/**
 * A key or a chord as a person writes it ({@link Chord}), as the {@link KeyEvent} codes to hold down in order and
 * let go in reverse: the robot's table of keys.
 */
record KeyChord(String written, List<Integer> codes) {
    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("ctrl", KeyEvent.VK_CONTROL), Map.entry("alt", KeyEvent.VK_ALT), Map.entry("shift", KeyEvent.VK_SHIFT),
            Map.entry("altgr", KeyEvent.VK_ALT_GRAPH), Map.entry("super", KeyEvent.VK_WINDOWS),
            Map.entry("meta", KeyEvent.VK_META), Map.entry("enter", KeyEvent.VK_ENTER), Map.entry("tab", KeyEvent.VK_TAB),
            Map.entry("escape", KeyEvent.VK_ESCAPE), Map.entry("space", KeyEvent.VK_SPACE),
            Map.entry("backspace", KeyEvent.VK_BACK_SPACE), Map.entry("delete", KeyEvent.VK_DELETE),
            Map.entry("insert", KeyEvent.VK_INSERT), Map.entry("home", KeyEvent.VK_HOME), Map.entry("end", KeyEvent.VK_END),
            Map.entry("pageup", KeyEvent.VK_PAGE_UP), Map.entry("pagedown", KeyEvent.VK_PAGE_DOWN),
            Map.entry("up", KeyEvent.VK_UP), Map.entry("down", KeyEvent.VK_DOWN), Map.entry("left", KeyEvent.VK_LEFT),
            Map.entry("right", KeyEvent.VK_RIGHT), Map.entry("plus", KeyEvent.VK_PLUS), Map.entry("minus", KeyEvent.VK_MINUS),
            Map.entry("menu", KeyEvent.VK_CONTEXT_MENU), Map.entry("printscreen", KeyEvent.VK_PRINTSCREEN));

    KeyChord {
        codes = List.copyOf(codes);
    }

    static KeyChord parse(String written) {
        Chord chord = Chord.parse(written);
        return new KeyChord(chord.written(), chord.keys().stream().map(key -> code(key, chord)).toList());
    }

    private static int code(String key, Chord chord) {
        Integer named = CODES.get(key);
        if (named != null) {
            return named;
        }
        if (key.matches("f([1-9]|1[0-9]|2[0-4])")) {
            return KeyEvent.VK_F1 + Integer.parseInt(key.substring(1)) - 1;
        }
        if (key.length() == 1) {
            int code = KeyEvent.getExtendedKeyCodeForChar(key.charAt(0));
            if (code != KeyEvent.VK_UNDEFINED) {
                return code;
            }
        }
        throw new DeftException("Unknown key \"" + key + "\" in \"" + chord
                + "\"; write keys like Enter, Tab, Escape, ctrl+s, alt+F4 or shift+Left.");
    }
}
