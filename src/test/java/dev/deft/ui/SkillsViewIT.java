package dev.deft.ui;

import static dev.deft.ui.DeftOnScreen.focus;
import static dev.deft.ui.DeftOnScreen.onFx;
import static dev.deft.ui.DeftOnScreen.snapshot;
import static dev.deft.ui.DeftOnScreen.texts;
import static dev.deft.ui.DeftOnScreen.waitUntil;
import static dev.deft.ui.DeftOnScreen.xdotool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.RunStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxToolkit;

/**
 * The Skills tab of the real app on Xvfb: a skill runs from its form with other values and the journal's count of its
 * runs goes up; a parameter is renamed in the file; a skill is deleted; a skill is recorded in a visible browser with
 * real key presses, and its parameters are renamed in the review before it is saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkillsViewIT {
    private DeftOnScreen deft;
    private Path skills;
    private String site;

    @BeforeAll
    void openTheApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        deft = new DeftOnScreen(Files.createTempDirectory("deft-skills-ui")).open();
        site = deft.app.workspace().startDemo();
        skills = deft.home.resolve("data/skills");
        Files.createDirectories(skills);
        try (InputStream in = SkillsViewIT.class.getResourceAsStream("/skills/send-email.json")) {
            Files.writeString(skills.resolve("send-email.json"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{site}}", site));
        }
        Files.writeString(skills.resolve("broken.json"), "{\"version\": 1, \"name\": \"broken\", \"steps\": [");
    }

    @AfterAll
    void quit() {
        if (deft != null) {
            deft.close();
        }
    }

    @Test
    @Order(1)
    void aSkillRunsFromItsFormWithOtherValuesAndItsRunsAreCounted() throws Exception {
        openSkillsTab();
        waitUntil("send-email in the list", 20, () -> list().getItems().stream()
                .anyMatch(s -> s.entry().name().equals("send-email") && s.runs().equals("not run yet")));
        assertThat(onFx(() -> texts(deft.lookup("#skill-problems")))).contains("broken.json");
        choose("send-email");
        onFx(() -> {
            field("#skill-value-to").setText("bob@example.org");
            field("#skill-value-subject").setText("Lunch on Friday");
            return null;
        });
        snapshot(deft.ui().mainStage(), DesktopAppIT.IMAGES, "skills-form");

        deft.press("#run-skill");

        waitUntil("the approval card for Send", 120, () -> {
            Node card = deft.lookup(".approval-card");
            return card.isVisible() && texts(card).contains("Send");
        });
        focus(MainWindow.TITLE);
        deft.press(".approve");
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        waitUntil("the run to end", 120, () -> !session.live().get());
        assertThat(onFx(() -> session.status().get())).as(onFx(() -> session.summary().get())).isEqualTo(RunStatus.DONE);
        JsonNode mails = deft.demoRecord().get("mails");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("to").asText()).isEqualTo("bob@example.org");
        assertThat(mails.get(0).get("subject").asText()).isEqualTo("Lunch on Friday");

        openSkillsTab();
        waitUntil("the journal's count of the run", 20, () -> list().getItems().stream()
                .anyMatch(s -> s.entry().name().equals("send-email") && s.runs().equals("1 of 1 run done")));
        choose("send-email");
        assertThat(onFx(() -> texts(deft.lookup("#skill-runs")))).startsWith("Done 1 of 1 run, last run ");
    }

    @Test
    @Order(2)
    void renamingAParameterRenamesItInTheFileAndKeepsTheOldRevision() throws Exception {
        openSkillsTab();
        choose("send-email");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> which = (ComboBox<String>) deft.lookup("#rename-which");
            which.getSelectionModel().select("to");
            field("#rename-to").setText("recipient");
            return null;
        });
        deft.press("#rename-parameter");

        waitUntil("the form to show the new name", 20, () -> deft.lookup("#skill-value-recipient") != null);
        String file = Files.readString(skills.resolve("send-email.json"));
        assertThat(file).contains("\"name\" : \"recipient\"").contains("{recipient}").doesNotContain("{to}")
                .contains("\"revision\" : 2");
        assertThat(skills.resolve(".versions/send-email.r1.json")).exists();

        onFx(() -> {
            field("#rename-to").setText("Not A Name");
            return null;
        });
        deft.press("#rename-parameter");
        waitUntil("a clear message", 10, () -> texts(deft.lookup("#skills-notice")).contains("is not"));
    }

    @Test
    @Order(3)
    void deletingASkillRemovesItsFileAfterAConfirmation() {
        openSkillsTab();
        choose("send-email");
        deft.press("#delete-skill");
        assertThat(skills.resolve("send-email.json")).exists();
        deft.press("#confirm-delete");

        waitUntil("send-email to leave the list", 20, () -> list().getItems().stream()
                .noneMatch(s -> s.entry().name().equals("send-email")));
        assertThat(skills.resolve("send-email.json")).doesNotExist();
    }

    @Test
    @Order(4)
    void aSkillIsRecordedInABrowserAndItsParametersAreRenamedBeforeSaving() throws Exception {
        openSkillsTab();
        // stopped before anything was done: nothing to vary, and Discard keeps nothing
        deft.press("#record-skill");
        onFx(() -> {
            field("#record-name").setText("nothing-done");
            field("#record-url").setText(site + "mail/compose.html");
            return null;
        });
        deft.press("#start-recording");
        waitUntil("the recording to start", 60, () -> deft.lookup("#stop-recording") != null);
        deft.press("#stop-recording");
        waitUntil("the review", 30, () -> deft.lookup("#save-recording") != null);
        assertThat(onFx(() -> texts(deft.lookup(".skill-detail")))).contains("no values to vary");
        deft.press("#discard-recording");
        waitUntil("the recording to be let go", 10, () -> deft.lookup("#save-recording") == null
                && !deft.lookup("#record-skill").isDisabled());
        assertThat(skills.resolve("nothing-done.json")).doesNotExist();

        deft.press("#record-skill");
        onFx(() -> {
            field("#record-name").setText("note-subject");
            field("#record-url").setText(site + "mail/compose.html");
            return null;
        });
        deft.press("#start-recording");
        waitUntil("the recording to start", 60, () -> deft.lookup("#stop-recording") != null);
        String browser = xdotool("search", "--sync", "--onlyvisible", "--class", "chromium").lines()
                .reduce((a, b) -> b).orElseThrow().strip();
        xdotool("windowactivate", "--sync", browser);
        // a person with the keyboard: past the header's three links to the To field, then to the Subject
        for (int i = 0; i < 4; i++) {
            xdotool("key", "Tab");
        }
        xdotool("type", "--delay", "20", "carol@example.org");
        xdotool("key", "Tab");
        xdotool("type", "--delay", "20", "Minutes");

        focus(MainWindow.TITLE);
        deft.press("#stop-recording");
        waitUntil("the review of what was recorded", 30, () -> deft.lookup("#save-recording") != null);
        String review = onFx(() -> texts(deft.lookup(".skill-detail")));
        assertThat(review).contains("“carol@example.org”").contains("“Minutes”");
        snapshot(deft.ui().mainStage(), DesktopAppIT.IMAGES, "skills-review");
        onFx(() -> {
            field("#review-name-to").setText("recipient");
            return null;
        });
        deft.press("#save-recording");

        waitUntil("the saved skill in the list", 30, () -> list().getItems().stream()
                .anyMatch(s -> s.entry().name().equals("note-subject")));
        String file = Files.readString(skills.resolve("note-subject.json"));
        assertThat(file).contains("{recipient}").contains("\"example\" : \"carol@example.org\"")
                .contains("{subject}").contains("\"example\" : \"Minutes\"");
    }

    private void openSkillsTab() {
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+4");
        waitUntil("the Skills tab", 10, () -> deft.lookup("#skills-list") != null && deft.lookup("#skills-list").isVisible());
    }

    private void choose(String name) {
        waitUntil(name + " in the list", 20, () -> list().getItems().stream().anyMatch(s -> s.entry().name().equals(name)));
        onFx(() -> {
            list().getItems().stream().filter(s -> s.entry().name().equals(name)).findFirst()
                    .ifPresent(s -> list().getSelectionModel().select(s));
            return null;
        });
        waitUntil(name + "'s form", 10, () -> deft.lookup("#skill-name") != null
                && texts(deft.lookup("#skill-name")).strip().equals(name));
    }

    private TextField field(String selector) {
        return (TextField) deft.lookup(selector);
    }

    @SuppressWarnings("unchecked")
    private ListView<SkillsViewModel.Shown> list() {
        return (ListView<SkillsViewModel.Shown>) deft.lookup("#skills-list");
    }
}
