package dev.deft.ui;

import static dev.deft.ui.DeftOnScreen.focus;
import static dev.deft.ui.DeftOnScreen.onFx;
import static dev.deft.ui.DeftOnScreen.snapshot;
import static dev.deft.ui.DeftOnScreen.texts;
import static dev.deft.ui.DeftOnScreen.waitUntil;
import static dev.deft.ui.DeftOnScreen.xdotool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.browser.PageServer;
import dev.deft.core.RunStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A skill recorded on a profile page whose Save button now says Delete: in the window, the approval card asks about
 * the Delete button, outlined on the page, and says what the step looked for; Reject leaves the page's server
 * untouched.
 */
class OtherElementApprovalIT {

    @Test
    void theCardAsksAboutWhatWasFoundAndSaysWhatTheStepLookedFor() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (PageServer site = PageServer.start()) {
            site.page("/profile/", resource("/drift/profile/save-became-delete.html"));
            Path home = Files.createTempDirectory("deft-ui");
            Files.createDirectories(home.resolve("data/skills"));
            Files.writeString(home.resolve("data/skills/profile.json"), """
                    {"version": 1, "name": "profile", "description": "Update the profile.", "revision": 1,
                     "examples": ["update my profile"], "parameters": [],
                     "steps": [
                       {"action": "open_url", "url": "%s"},
                       {"action": "type", "into": {"label": "Job title", "css": "#job-title"}, "text": "Rear admiral"},
                       {"action": "click", "on": {"name": "Save", "text": "Save", "role": ["button", "Save"],
                                                  "css": "#save-profile", "near": "Profile"}}
                     ]}
                    """.formatted(site.url("/profile/")));
            DeftOnScreen deft = new DeftOnScreen(home).open();
            try {
                waitUntil("the main window with its prompt", 30, () -> deft.ui().mainStage().isShowing()
                        && deft.lookup("#prompt") != null && deft.lookup("#prompt").isVisible());
                type(deft, "update my profile");
                waitUntil("the approval card", 120, () -> {
                    Node card = deft.lookup(".approval-card");
                    return card.isVisible() && texts(card).contains("Delete");
                });
                String card = onFx(() -> texts(deft.lookup(".approval-card")));
                String chips = onFx(() -> texts(deft.lookup(".run-pane").lookupAll(".step-card").stream()
                        .reduce((first, last) -> last).orElseThrow()));
                snapshot(deft.ui().mainStage(), DesktopAppIT.IMAGES, "approval-card-other-element");

                assertThat(card).contains("DELETE").contains("which is not what the step looked for")
                        .contains("\"Save\"").contains("button \"Delete\"");
                assertThat(chips).as("the step's card shows the class of what was found").contains("DELETE");
                focus(MainWindow.TITLE);
                xdotool("key", "Escape");
                waitUntil("the run to end", 60, () -> !live(deft));
                assertThat(onFx(() -> deft.ui().runs().current().get().status().get())).isEqualTo(RunStatus.REJECTED);
                assertThat(site.received()).isEmpty();
            } finally {
                deft.close();
            }
        }
    }

    private static void type(DeftOnScreen deft, String request) {
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+1");
        xdotool("key", "ctrl+l");
        xdotool("type", "--delay", "2", request);
        waitUntil("the request in the prompt field", 20,
                () -> ((TextInputControl) deft.lookup("#prompt")).getText().equals(request));
        xdotool("key", "Return");
        waitUntil("the run to start", 10, () -> live(deft));
    }

    private static boolean live(DeftOnScreen deft) {
        RunSession session = deft.ui().runs().current().get();
        return session != null && session.live().get();
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = OtherElementApprovalIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
