package dev.deft.browser;

import dev.deft.core.DeftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.Keys;

/** A key or chord as a person writes it ({@code Enter}, {@code ctrl+a}, {@code shift+Tab}), as WebDriver sends it. */
final class KeyChord {
    private static final Map<String, Keys> NAMED = Map.ofEntries(
            Map.entry("enter", Keys.ENTER), Map.entry("return", Keys.ENTER), Map.entry("tab", Keys.TAB),
            Map.entry("escape", Keys.ESCAPE), Map.entry("esc", Keys.ESCAPE), Map.entry("space", Keys.SPACE),
            Map.entry("backspace", Keys.BACK_SPACE), Map.entry("delete", Keys.DELETE), Map.entry("del", Keys.DELETE),
            Map.entry("up", Keys.ARROW_UP), Map.entry("down", Keys.ARROW_DOWN), Map.entry("left", Keys.ARROW_LEFT),
            Map.entry("right", Keys.ARROW_RIGHT), Map.entry("arrowup", Keys.ARROW_UP),
            Map.entry("arrowdown", Keys.ARROW_DOWN), Map.entry("arrowleft", Keys.ARROW_LEFT),
            Map.entry("arrowright", Keys.ARROW_RIGHT), Map.entry("home", Keys.HOME), Map.entry("end", Keys.END),
            Map.entry("pageup", Keys.PAGE_UP), Map.entry("pagedown", Keys.PAGE_DOWN), Map.entry("insert", Keys.INSERT),
            Map.entry("ctrl", Keys.CONTROL), Map.entry("control", Keys.CONTROL), Map.entry("shift", Keys.SHIFT),
            Map.entry("alt", Keys.ALT), Map.entry("option", Keys.ALT), Map.entry("meta", Keys.META),
            Map.entry("cmd", Keys.META), Map.entry("command", Keys.META), Map.entry("super", Keys.META),
            Map.entry("f1", Keys.F1), Map.entry("f2", Keys.F2), Map.entry("f3", Keys.F3), Map.entry("f4", Keys.F4),
            Map.entry("f5", Keys.F5), Map.entry("f6", Keys.F6), Map.entry("f7", Keys.F7), Map.entry("f8", Keys.F8),
            Map.entry("f9", Keys.F9), Map.entry("f10", Keys.F10), Map.entry("f11", Keys.F11), Map.entry("f12", Keys.F12));

    private KeyChord() {
    }

    /** The keys to send: modifiers held while the last key is pressed, then released. */
    static CharSequence parse(String keys) {
        String[] parts = keys.strip().split("\\s*\\+\\s*");
        List<CharSequence> pressed = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new DeftException("\"" + keys + "\" is not a key or chord; write it like Enter or ctrl+a.");
            }
            Keys named = NAMED.get(part.toLowerCase(Locale.ROOT));
            if (named != null) {
                pressed.add(named);
            } else if (part.codePointCount(0, part.length()) == 1) {
                pressed.add(part.toLowerCase(Locale.ROOT));
            } else {
                throw new DeftException("Unknown key \"" + part + "\" in \"" + keys
                        + "\"; use names such as Enter, Tab, Escape, ctrl, shift, alt, F5 or single characters.");
            }
        }
        return pressed.size() == 1 ? pressed.get(0) : Keys.chord(pressed);
    }
}
