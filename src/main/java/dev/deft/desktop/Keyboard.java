package dev.deft.desktop;

import dev.deft.core.Stopped;
import java.awt.Robot;
import java.util.List;

/**
 * The keyboard. Text goes through {@code xdotool type} under X11, which finds each character in the keyboard
 * layout in use (or maps it onto a spare key for the moment), so that "@", "{" or "€" arrive as typed on a German
 * or French layout too; elsewhere through SikuliX's typing. Chords go through {@link Robot}. Text is sent in short
 * pieces, each after a look at the fail-safe and the stop signal, through standard input: never on a command line.
 * A stop ends typing after the piece under way, which is never cut between a key's press and its release.
 */
final class Keyboard {
    /** Characters per piece: small enough that a stop takes effect within a few keystrokes. */
    static final int PIECE = 8;

    private final Robot robot;
    private final FailSafe failSafe;
    private final boolean xdotool;

    Keyboard(Robot robot, FailSafe failSafe, boolean xdotool) {
        this.robot = robot;
        this.failSafe = failSafe;
        this.xdotool = xdotool;
    }

    /**
     * Types {@code text} where the keyboard focus is; a line break is the Enter key (xdotool would send a line feed,
     * which editors ignore). The text may be a secret: it is never logged or quoted.
     */
    void type(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int line = 0; line < lines.length; line++) {
            if (line > 0) {
                press(ENTER);
            }
            typeLine(lines[line]);
        }
    }

    private static final KeyChord ENTER = KeyChord.parse("Enter");

    private void typeLine(String text) {
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            String piece = text.substring(i, end);
            Stopped.check("typing");
            failSafe.check();
            if (xdotool) {
                HostCommand.runToEnd(List.of("xdotool", "type", "--delay", "8", "--file", "-"), piece);
            } else {
                new org.sikuli.script.Screen().type(piece);
            }
            i = end;
        }
    }

    /** Presses a chord: each key down in order, then all up in reverse, even when stopped halfway. */
    void press(KeyChord chord) {
        String doing = "pressing " + chord.written();
        Stopped.check(doing);
        failSafe.check();
        int down = 0;
        try {
            for (int code : chord.codes()) {
                robot.keyPress(code);
                down++;
            }
        } finally {
            for (int i = down - 1; i >= 0; i--) {
                robot.keyRelease(chord.codes().get(i));
            }
        }
    }
}
