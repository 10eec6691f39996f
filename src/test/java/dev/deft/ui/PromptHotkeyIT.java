package dev.deft.ui;

import static dev.deft.ui.DeftOnScreen.focus;
import static dev.deft.ui.DeftOnScreen.onFx;
import static dev.deft.ui.DeftOnScreen.waitUntil;
import static dev.deft.ui.DeftOnScreen.xdotool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.RunStatus;
import java.nio.file.Files;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxToolkit;

/**
 * The global hotkeys, pressed on the X server as a person presses them (xdotool): Ctrl+Alt+Space brings up the
 * prompt from anywhere, Enter runs what is typed there, and Ctrl+Alt+Escape stops the run at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class PromptHotkeyIT {
    private DeftOnScreen deft;

    @BeforeAll
    void openTheApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        deft = new DeftOnScreen(Files.createTempDirectory("deft-hotkey")).open();
    }

    @AfterAll
    void quit() {
        if (deft != null) {
            deft.close();
        }
    }

    @Test
    void ctrlAltSpaceBringsUpThePromptEnterRunsItAndTheKillSwitchStopsTheRun() {
        assertThat(onFx(() -> deft.ui().promptStage().isShowing())).isFalse();

        xdotool("key", "ctrl+alt+space");

        waitUntil("the prompt window to show", 5, () -> deft.ui().promptStage().isShowing());
        assertThat(onFx(() -> deft.ui().promptStage().getScene().getFocusOwner()))
                .isInstanceOf(TextField.class).extracting(n -> ((TextField) n).getId()).isEqualTo("quick-prompt");
        focus(PromptWindow.TITLE);
        xdotool("key", "Escape");
        waitUntil("Esc to hide the prompt", 5, () -> !deft.ui().promptStage().isShowing());

        xdotool("key", "ctrl+alt+space");
        waitUntil("the prompt window to show again", 5, () -> deft.ui().promptStage().isShowing());
        focus(PromptWindow.TITLE);
        xdotool("type", "--delay", "2", "open the shop, search for usb cable, add the cheapest to the cart and check out");
        xdotool("key", "Return");
        waitUntil("the run to start from the prompt", 10, () -> !deft.ui().promptStage().isShowing()
                && deft.ui().runs().current().get() != null);
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        waitUntil("the first step to be done", 120, () -> session.steps().size() >= 2 || !session.live().get());

        xdotool("key", "ctrl+alt+Escape");

        waitUntil("the kill switch to stop the run", 30, () -> !session.live().get());
        assertThat(onFx(() -> session.status().get())).isEqualTo(RunStatus.FAILED);
        assertThat(onFx(() -> session.summary().get())).contains("kill switch");
        assertThat(onFx(() -> session.steps().size())).isLessThan(8);
    }

    @Test
    void theHotkeysWorkAgainAfterTheAppIsQuitAndOpenedAgainInTheSameProcess() {
        deft.restart();

        xdotool("key", "ctrl+alt+space");

        waitUntil("the prompt window to show after the restart", 5, () -> deft.ui().promptStage().isShowing());
        onFx(() -> {
            deft.ui().promptStage().hide();
            return null;
        });
    }
}
