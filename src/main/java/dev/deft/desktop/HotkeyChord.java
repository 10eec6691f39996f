package dev.deft.desktop;

import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import dev.deft.core.Chord;
import dev.deft.core.DeftException;
import java.util.Locale;
import java.util.Map;

/**
 * A global hotkey as a person writes it ({@code ctrl+alt+space}, {@code ctrl+alt+escape}, {@code super+shift+d}):
 * the modifiers that must be held and the one key pressed, in JNativeHook's terms. Either side's modifier counts.
 */
record HotkeyChord(int modifiers, int keyCode, String written) {
    private static final Map<String, Integer> MODIFIERS = Map.of("ctrl", NativeInputEvent.CTRL_MASK,
            "alt", NativeInputEvent.ALT_MASK, "shift", NativeInputEvent.SHIFT_MASK, "super", NativeInputEvent.META_MASK,
            "meta", NativeInputEvent.META_MASK);
    /** The hook's names of keys whose names differ from {@link Chord}'s; the others are the same, upper-case. */
    private static final Map<String, String> KEY_NAMES = Map.of("pageup", "PAGE_UP", "pagedown", "PAGE_DOWN",
            "printscreen", "PRINTSCREEN", "menu", "CONTEXT_MENU");
    private static final int HELD = NativeInputEvent.CTRL_MASK | NativeInputEvent.ALT_MASK | NativeInputEvent.SHIFT_MASK
            | NativeInputEvent.META_MASK;

    static HotkeyChord parse(String written) {
        Chord chord;
        try {
            chord = Chord.parse(written);
        } catch (DeftException e) {
            throw bad(written);
        }
        int modifiers = 0;
        for (String key : chord.modifiers()) {
            Integer modifier = MODIFIERS.get(key);
            if (modifier == null) {
                throw bad(written);
            }
            modifiers |= modifier;
        }
        if (modifiers == 0 || MODIFIERS.containsKey(chord.last())) {
            throw bad(written);
        }
        return new HotkeyChord(modifiers, keyCode(chord.last(), written), chord.written());
    }

    /** Whether a key press with these modifiers is this chord: each kind of modifier held, on either side. */
    boolean matches(int pressedKey, int pressedModifiers) {
        if (pressedKey != keyCode) {
            return false;
        }
        for (int kind : new int[] {NativeInputEvent.CTRL_MASK, NativeInputEvent.ALT_MASK, NativeInputEvent.SHIFT_MASK,
                NativeInputEvent.META_MASK}) {
            boolean wanted = (modifiers & kind) != 0;
            boolean held = (pressedModifiers & HELD & kind) != 0;
            if (wanted != held) {
                return false;
            }
        }
        return true;
    }

    private static int keyCode(String name, String written) {
        String field = "VC_" + KEY_NAMES.getOrDefault(name, name.toUpperCase(Locale.ROOT));
        try {
            return NativeKeyEvent.class.getField(field).getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw bad(written);
        }
    }

    private static DeftException.Configuration bad(String written) {
        return new DeftException.Configuration("\"" + written + "\" is not a hotkey Deft can read: write modifiers "
                + "and one key, like ctrl+alt+space or ctrl+shift+F9.");
    }

    @Override
    public String toString() {
        return written;
    }
}
