package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Deft writes in Debian's Mousepad and saves with Ctrl+S through the real save dialog; the file on disk is checked. */
class EditorIT {
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
        TestDesktop.screenshot("EditorIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        desktop.close();
    }

    @Test
    void typesInTheTextEditorAndSavesWithCtrlS() {
        Path file = temp.resolve("notes.txt");

        writeAndSave("Hello from Deft, line one.", file);

        assertThat(TestDesktop.read(file)).isEqualTo("Hello from Deft, line one.");
    }

    @Test
    void symbolsArriveAsTypedOnAGermanKeyboardLayout() {
        Path file = temp.resolve("symbols.txt");
        String symbols = "a@b {c} [d] |e| ~f \\g y/z € ö ß <>";
        HostCommand.run(List.of("setxkbmap", "de"));
        try {
            writeAndSave(symbols, file);
        } finally {
            HostCommand.run(List.of("setxkbmap", "us"));
        }

        assertThat(TestDesktop.read(file)).isEqualTo(symbols);
    }

    private void writeAndSave(String text, Path file) {
        done(new Action.Launch("text editor"));
        done(new Action.Type(Target.of(new Locator.Window("editor")), text, false));
        done(new Action.PressKey("ctrl+s"));
        done(new Action.WaitFor(new Condition.TextShown("Save As"), Duration.ofSeconds(10)));
        done(new Action.Type(Target.of(new Locator.Focused()), file.toString(), true));
        done(new Action.Click(Target.of(new Locator.ScreenText("Save"))));
        TestDesktop.POLLING.untilPresent(file + " to be saved", Duration.ofSeconds(10),
                () -> Files.exists(file) && !TestDesktop.read(file).isEmpty() ? Optional.of(file) : Optional.empty(),
                e -> "it was not");
    }

    private Outcome done(Action action) {
        Outcome outcome = deft.perform(action, Guards.admitAll());
        assertThat(outcome).as(action.describe() + ": " + outcome.detail()).isInstanceOf(Outcome.Done.class);
        return outcome;
    }
}
