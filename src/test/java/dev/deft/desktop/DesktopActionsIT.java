package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The rest of what a hand does, in Mousepad: focus, scroll, double-click, right-click, drag, wait for a menu to go. */
class DesktopActionsIT {
    @TempDir
    Path temp;
    private TestDesktop desktop;
    private DesktopActuator deft;

    @BeforeEach
    void start() {
        desktop = new TestDesktop(temp);
        deft = desktop.actuator();
    }

    @AfterEach
    void stop(TestInfo test) {
        TestDesktop.screenshot("DesktopActionsIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        desktop.close();
    }

    @Test
    void focusesWindowsByTitleAndByWhatTheirApplicationIs() {
        desktop.start("mousepad");
        desktop.start("xcalc");
        X11Windows windows = new X11Windows(Clock.systemUTC());

        done(new Action.FocusWindow("editor"));
        String editor = windows.focused().orElseThrow().title();
        done(new Action.FocusWindow("Calculator"));
        String calculator = windows.focused().orElseThrow().title();

        assertThat(editor).endsWith("Mousepad");
        assertThat(calculator).isEqualTo("Calculator");
        assertThat(deft.perform(new Action.FocusWindow("spreadsheet"), Guards.admitAll()).detail())
                .startsWith("No window is called \"spreadsheet\"").contains("\"Calculator\"");
    }

    @Test
    void scrollsDoubleClicksRightClicksAndDrags() {
        desktop.start("mousepad");
        String rows = IntStream.rangeClosed(1, 40).mapToObj(i -> "row " + i).collect(Collectors.joining("\n"));
        done(new Action.Type(Target.of(new Locator.Window("Mousepad")), rows, false));
        done(new Action.PressKey("ctrl+Home"));
        // the editor scrolls smoothly: what it shows is read until it has come to rest
        assertThat(windowComesToShow("(?m)^row 5$", null)).containsPattern("(?m)^row 5$");

        done(new Action.Scroll(Optional.of(Target.of(new Locator.Window("Mousepad"))), Action.Scroll.Direction.DOWN, 10));
        String scrolled = windowComesToShow("(?m)^row 35$", "(?m)^row 5$");
        assertThat(scrolled).containsPattern("(?m)^row 35$").doesNotContainPattern("(?m)^row 5$");

        done(new Action.Click(Target.of(new Locator.ScreenText("35")), Action.Click.Button.DOUBLE));
        done(new Action.Type(Target.of(new Locator.Focused()), "X", false));
        // the text cursor, drawn against the letter just typed, reads as part of it ("x" or "X|"): moved a line up
        done(new Action.PressKey("Up"));
        assertThat(window()).containsPattern("(?m)^row X$");

        done(new Action.Click(Target.of(new Locator.ScreenText("row X")), Action.Click.Button.RIGHT));
        done(new Action.WaitFor(new Condition.TextShown("Select All"), Duration.ofSeconds(10)));
        done(new Action.PressKey("Escape"));
        done(new Action.WaitFor(new Condition.TextGone("Select All"), Duration.ofSeconds(10)));

        done(new Action.Drag(Target.of(new Locator.ScreenText("36")), Target.of(new Locator.ScreenText("38"))));
        // from the middle of "36" to the middle of "38": "6", "row 37" and "row 3" are selected, and replaced
        done(new Action.Type(Target.of(new Locator.Focused()), "K", false));
        done(new Action.PressKey("Up"));
        assertThat(window()).containsPattern("(?m)^row 3K8$").doesNotContainPattern("(?m)^row 3[67]$");
    }

    /** What the window shows once it shows {@code wanted} and not {@code gone} (if given), or after five seconds. */
    private String windowComesToShow(String wanted, String gone) {
        java.util.regex.Pattern shown = java.util.regex.Pattern.compile(wanted);
        java.util.regex.Pattern hidden = gone == null ? null : java.util.regex.Pattern.compile(gone);
        String[] last = {""};
        try {
            return TestDesktop.POLLING.untilPresent("the editor to show " + wanted, Duration.ofSeconds(5), () -> {
                last[0] = window();
                return shown.matcher(last[0]).find() && (hidden == null || !hidden.matcher(last[0]).find())
                        ? Optional.of(last[0]) : Optional.empty();
            }, e -> "it shows " + last[0]);
        } catch (dev.deft.core.DeftException e) {
            return last[0]; // the assertion that follows says what it showed
        }
    }

    private String window() {
        Outcome read = done(new Action.Extract(Optional.of(Target.of(new Locator.Window("Mousepad"))), Action.Extract.What.TEXT));
        return ((Outcome.Done) read).value().orElse("");
    }

    private Outcome done(Action action) {
        Outcome outcome = deft.perform(action, Guards.admitAll());
        assertThat(outcome).as(action.describe() + ": " + outcome.detail()).isInstanceOf(Outcome.Done.class);
        return outcome;
    }
}
