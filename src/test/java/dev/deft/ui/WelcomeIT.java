package dev.deft.ui;

import static dev.deft.ui.DeftOnScreen.onFx;
import static dev.deft.ui.DeftOnScreen.snapshot;
import static dev.deft.ui.DeftOnScreen.texts;
import static dev.deft.ui.DeftOnScreen.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The first run's welcome in the real app on Xvfb: it says what it found of the browser, the driver, the display and
 * the model, and what to do about what is missing; Try the demo runs the demo; once a run is in the journal, it is
 * not shown again.
 */
class WelcomeIT {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void whatIsMissingIsSaidWithWhatToDo() throws Exception {
        Path home = Files.createTempDirectory("deft-welcome");
        try (DeftOnScreen deft = new DeftOnScreen(home, Map.of("DEFT_CHROMEDRIVER", home.resolve("no-driver").toString()))
                .open()) {
            waitUntil("the checks in the welcome", 30, () -> deft.lookup("#welcome-model") != null);

            String welcome = onFx(() -> texts(deft.lookup("#welcome")));
            assertThat(welcome).contains("Welcome to Deft");
            assertThat(onFx(() -> texts(deft.lookup("#welcome-browser")))).contains("chromium").contains("Deft drives it");
            assertThat(onFx(() -> texts(deft.lookup("#welcome-driver"))))
                    .contains("DEFT_CHROMEDRIVER points at " + home.resolve("no-driver")).contains("fix it or unset it");
            assertThat(onFx(() -> texts(deft.lookup("#welcome-display")))).contains("X display " + System.getenv("DISPLAY"));
            assertThat(onFx(() -> texts(deft.lookup("#welcome-model")))).contains("No language model is set up: start Ollama")
                    .contains("Typed commands and skills work without one");
            assertThat(welcome).contains("✗ missing").contains("✓ found");
            snapshot(deft.ui().mainStage(), DesktopAppIT.IMAGES, "welcome");
        }
    }

    @Test
    void tryTheDemoRunsItAndTheWelcomeIsNotShownOnceTheJournalHasARun() throws Exception {
        Path home = Files.createTempDirectory("deft-welcome");
        try (DeftOnScreen deft = new DeftOnScreen(home).open()) {
            waitUntil("the demo button", 30, () -> deft.lookup("#try-demo") != null
                    && !deft.lookup("#try-demo").isDisabled() && deft.lookup("#welcome").isVisible());

            deft.press("#try-demo");

            waitUntil("the demo run to start", 20, () -> deft.ui().runs().current().get() != null);
            RunSession session = onFx(() -> deft.ui().runs().current().get());
            assertThat(onFx(() -> deft.lookup("#welcome").isVisible())).isFalse();
            waitUntil("the demo run to end", 120, () -> !session.live().get());
            assertThat(onFx(() -> session.status().get())).as(onFx(() -> session.summary().get())).isEqualTo(RunStatus.DONE);

            deft.restart();
            waitUntil("the window", 20, () -> deft.lookup("#prompt") != null);
            // the welcome shows, or not, once the journal has said whether this is the first run: then it is looked for
            deft.ui().firstRunChecked().get(20, TimeUnit.SECONDS);
            assertThat(onFx(() -> deft.lookup("#welcome").isVisible())).isFalse();
        }
    }
}
