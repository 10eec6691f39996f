package dev.deft.browser;

import dev.deft.core.Chord;
import dev.deft.core.DeftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;

/** A key or chord as a person writes it ({@link Chord}), as WebDriver sends it: WebDriver's table of keys. */
final class KeyChord {
    private static final Map<String, Keys> KEYS = Map.ofEntries(
            Map.entry("enter", Keys.ENTER), Map.entry("tab", Keys.TAB), Map.entry("escape", Keys.ESCAPE),
            Map.entry("space", Keys.SPACE), Map.entry("backspace", Keys.BACK_SPACE), Map.entry("delete", Keys.DELETE),
            Map.entry("up", Keys.ARROW_UP), Map.entry("down", Keys.ARROW_DOWN), Map.entry("left", Keys.ARROW_LEFT),
            Map.entry("right", Keys.ARROW_RIGHT), Map.entry("home", Keys.HOME), Map.entry("end", Keys.END),
            Map.entry("pageup", Keys.PAGE_UP), Map.entry("pagedown", Keys.PAGE_DOWN), Map.entry("insert", Keys.INSERT),
            Map.entry("ctrl", Keys.CONTROL), Map.entry("shift", Keys.SHIFT), Map.entry("alt", Keys.ALT),
            Map.entry("meta", Keys.META), Map.entry("super", Keys.META), Map.entry("f1", Keys.F1), Map.entry("f2", Keys.F2),
            Map.entry("f3", Keys.F3), Map.entry("f4", Keys.F4), Map.entry("f5", Keys.F5), Map.entry("f6", Keys.F6),
            Map.entry("f7", Keys.F7), Map.entry("f8", Keys.F8), Map.entry("f9", Keys.F9), Map.entry("f10", Keys.F10),
            Map.entry("f11", Keys.F11), Map.entry("f12", Keys.F12));

    /** Keys that are characters, by the names a chord gives them. */
    private static final Map<String, String> CHARACTERS = Map.of("plus", "+", "minus", "-");

    private KeyChord() {
    }

    /** The keys to send: modifiers held while the last key is pressed, then released. */
    static CharSequence parse(String written) {
        Chord chord = Chord.parse(written);
        List<CharSequence> pressed = new ArrayList<>();
        for (String key : chord.keys()) {
            Keys named = KEYS.get(key);
            key = CHARACTERS.getOrDefault(key, key);
            if (named == null && key.codePointCount(0, key.length()) != 1) {
                throw new DeftException("The browser has no key \"" + key + "\" (in \"" + chord + "\"); use keys such as "
                        + "Enter, Tab, Escape, ctrl, shift, alt, F5 or single characters.");
            }
            pressed.add(named != null ? named : key);
        }
        return pressed.size() == 1 ? pressed.get(0) : Keys.chord(pressed);
    }
}
