package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import dev.deft.core.Target;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    void scrollsDoubleClicksRightClicksAndDrags() throws Exception {
        Path file = temp.resolve("rows.txt");
        Files.writeString(file, "");
        // a text cursor that blinks would change the editor's picture while it is at rest; a double click whose two
        // halves a busy test machine holds apart for more than GTK's default 400 ms is two single clicks
        Path gtk = Files.createDirectories(desktop.home.resolve("config").resolve("gtk-3.0"));
        Files.writeString(gtk.resolve("settings.ini"), "[Settings]\ngtk-cursor-blink = false\n");
        // its own process, which reads these settings: on a shared session bus (GLib autolaunches one on the X display)
        // a second mousepad hands its file to one an earlier test started, with the defaults
        DesktopWindow editor = desktop.start("mousepad", "--disable-server", file.toString());
        String rows = IntStream.rangeClosed(1, 40).mapToObj(i -> "row " + i).collect(Collectors.joining("\n"));
        done(new Action.Type(Target.of(new Locator.Window("Mousepad")), rows, false));
        BufferedImage bottom = atRest(editor, null);
        done(new Action.PressKey("ctrl+Home"));
        BufferedImage top = atRest(editor, bottom);

        done(new Action.Scroll(Optional.of(Target.of(new Locator.Window("Mousepad"))), Action.Scroll.Direction.DOWN, 10));
        atRest(editor, top);

        // "35" is on the screen only once the editor has scrolled; the saved file shows what the double click took
        done(new Action.Click(Target.of(new Locator.ScreenText("35")), Action.Click.Button.DOUBLE));
        done(new Action.Type(Target.of(new Locator.Focused()), "X", false));
        // the text cursor, drawn against the letter just typed, reads as part of it ("X|"): moved a line up, so that
        // the right click finds "row X"
        done(new Action.PressKey("Up"));

        done(new Action.Click(Target.of(new Locator.ScreenText("row X")), Action.Click.Button.RIGHT));
        done(new Action.WaitFor(new Condition.TextShown("Select All"), Duration.ofSeconds(10)));
        done(new Action.PressKey("Escape"));
        done(new Action.WaitFor(new Condition.TextGone("Select All"), Duration.ofSeconds(10)));

        done(new Action.Drag(Target.of(new Locator.ScreenText("36")), Target.of(new Locator.ScreenText("38"))));
        // from the middle of "36" to the middle of "38": "6", "row 37" and "row 3" are selected, and replaced
        done(new Action.Type(Target.of(new Locator.Focused()), "K", false));

        List<String> saved = save(file);
        List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 34).mapToObj(i -> "row " + i).toList());
        expected.addAll(List.of("row X", "row 3K8", "row 39", "row 40"));
        assertThat(saved).as("the double-clicked word 35 and the dragged-over text replaced, nothing else")
                .containsExactlyElementsOf(expected);
    }

    /**
     * The rows the editor shows, as a picture, once they have come to rest (the same for a while) and, if
     * {@code before} is given, changed from it: the editor scrolls smoothly. Pixels, not words read from them, so
     * no reading slip can say the rows moved or not. Only the window's left half, where the rows are: the scroll bar
     * that shows at the right while the pointer moves is not a move of the rows.
     */
    private static BufferedImage atRest(DesktopWindow editor, BufferedImage before) {
        Robot screen;
        try {
            screen = new Robot();
        } catch (AWTException e) {
            throw new IllegalStateException(e);
        }
        Rectangle rows = editor.bounds();
        rows.width /= 2;
        BufferedImage[] last = {screen.createScreenCapture(rows)};
        Clock clock = TestDesktop.POLLING.clock();
        Instant[] since = {clock.instant()};
        String what = before == null ? "the editor's rows to come to rest" : "the editor's rows to move and come to rest";
        return TestDesktop.POLLING.until(what, Duration.ofSeconds(10), () -> {
            BufferedImage now = screen.createScreenCapture(rows);
            if (!samePixels(now, last[0])) {
                last[0] = now;
                since[0] = clock.instant();
                return Polling.Probe.notYet("it is still moving");
            }
            if (before != null && samePixels(now, before)) {
                return Polling.Probe.notYet("it shows what it showed before");
            }
            return Duration.between(since[0], clock.instant()).toMillis() >= 300 ? Polling.Probe.ready(now)
                    : Polling.Probe.notYet("it has been still only a moment");
        });
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        int width = a.getWidth();
        int height = a.getHeight();
        return width == b.getWidth() && height == b.getHeight()
                && Arrays.equals(a.getRGB(0, 0, width, height, null, 0, width), b.getRGB(0, 0, width, height, null, 0, width));
    }

    /** Saves the editor's file with Ctrl+S and reads it back: what the editor holds, as a person checks it. */
    private List<String> save(Path file) {
        done(new Action.PressKey("ctrl+s"));
        return TestDesktop.POLLING.untilPresent(file + " to be saved", Duration.ofSeconds(10),
                () -> Optional.of(TestDesktop.read(file)).filter(text -> !text.isEmpty()).map(text -> text.lines().toList()),
                e -> "it is still empty");
    }

    private Outcome done(Action action) {
        Outcome outcome = deft.perform(action, Guards.admitAll());
        assertThat(outcome).as(action.describe() + ": " + outcome.detail()).isInstanceOf(Outcome.Done.class);
        return outcome;
    }
}
