package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webmail and the account page, end to end: every kind of field, dialogs, tabs, keys, reading back. */
class MailAndAccountIT {
    private static DemoBrowser browser;

    @BeforeAll
    static void start() {
        // Secrets are put in at the moment of typing by the hook the vault will fill; here a fixed one.
        browser = DemoBrowser.start(text -> text.replace("{{secret:demo_password}}", DemoServer.FIRST_PASSWORD),
                Duration.ofSeconds(4));
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void reset() {
        browser.server.reset();
    }

    @Test
    void composesAndSendsAMailThatTheServerReceives() {
        browser.open("mail/");
        browser.must(new Action.Click(Target.byText("Compose")));
        browser.must(new Action.Type(Target.byLabel("To"), "bob@example.com"));
        browser.must(new Action.Type(Target.byLabel("Subject"), "Report"));
        Outcome.Done typed = browser.must(new Action.Type(Target.byLabel("Message"), "Looks good."));
        browser.must(new Action.Type(Target.byLabel("Message"), " Thanks!", false));

        browser.must(new Action.Click(Target.byRole("button", "Send")));

        browser.must(new Action.WaitFor(new Condition.TextShown("Message sent to bob@example.com"), Duration.ofSeconds(5)));
        assertThat(typed.detail()).contains("it now holds \"Looks good.\"");
        assertThat(browser.server.record().mails())
                .containsExactly(new DemoRecord.Mail("bob@example.com", "Report", "Looks good. Thanks!"));
    }

    @Test
    void doubleClickingAMessageOpensItAndItsTextCanBeRead() {
        browser.open("mail/");
        browser.must(new Action.Click(Target.byText("Bob Chen"), Action.Click.Button.DOUBLE));

        browser.must(new Action.WaitFor(new Condition.UrlContains("read.html?id=2"), Duration.ofSeconds(5)));
        Outcome.Done read = browser.must(new Action.Extract(Optional.of(Target.byText("Quarterly report draft")),
                Action.Extract.What.TEXT));
        assertThat(read.value()).contains("Quarterly report draft");
    }

    @Test
    void archivesWithTheIconButtonNamedOnlyByItsAriaLabel() {
        browser.open("mail/");
        browser.must(new Action.Click(Target.byName("Archive message from Carla Rossi")));

        browser.must(new Action.WaitFor(new Condition.TextGone("Photos from the trip"), Duration.ofSeconds(3)));
        browser.must(new Action.WaitFor(new Condition.TextShown("Message archived."), Duration.ofSeconds(3)));
    }

    @Test
    void opensALinkInANewTabSwitchesToItAndClosesIt() {
        browser.open("mail/read.html?id=1");
        browser.must(new Action.Click(Target.byText("Open in a new tab")));

        Outcome.Done switched = browser.must(new Action.SwitchTab("last"));
        assertThat(switched.detail()).startsWith("Switched to tab 2 of 2");
        Outcome.Done closed = browser.must(new Action.CloseTab());

        assertThat(closed.detail()).contains("now on \"Lunch on Friday? – Deft Mail\"");
        browser.must(new Action.SwitchTab("Lunch on Friday"));
    }

    @Test
    void chordsSelectAllSoThatBackspaceEmptiesAField() {
        browser.open("mail/compose.html");
        browser.must(new Action.Type(Target.byLabel("Subject"), "Draft subject"));
        browser.must(new Action.PressKey(Optional.of(Target.byLabel("Subject")), "ctrl+a"));
        browser.must(new Action.PressKey("Backspace"));

        Outcome.Done read = browser.must(new Action.Extract(Optional.of(Target.byLabel("Subject")), Action.Extract.What.TEXT));
        assertThat(read.value()).contains("");
        assertThat(browser.page().pageElements()).filteredOn(e -> e.name().equals("Subject"))
                .singleElement().satisfies(e -> assertThat(e.value()).contains(""));
    }

    @Test
    void signsInWithASecretThatNeverShowsAndChangesSettings() throws Exception {
        signIn();
        browser.must(new Action.Select(Target.byLabel("Language"), "Deutsch"));
        browser.must(new Action.Select(Target.byLabel("Language"), "fr"));
        browser.must(new Action.SetChecked(Target.byLabel("Dark"), true));
        browser.must(new Action.SetChecked(Target.byLabel("Email me product news"), true));
        browser.must(new Action.SetChecked(Target.byLabel("Email me product news"), false));
        Outcome.Done cleared = browser.must(new Action.Type(Target.byLabel("Display name"), ""));
        Path picture = Files.writeString(Files.createTempFile("avatar", ".txt"), "not really a picture");
        browser.must(new Action.Upload(Target.byLabel("Profile picture"), picture.toString()));

        browser.must(new Action.Click(Target.byText("Save settings")));

        assertThat(cleared.detail()).startsWith("Cleared").contains("it now holds \"\"");
        browser.must(new Action.WaitFor(new Condition.TextShown("Settings saved: Français, dark theme, news off."),
                Duration.ofSeconds(3)));
        browser.must(new Action.WaitFor(new Condition.TextShown("Chosen: " + picture.getFileName()), Duration.ofSeconds(3)));
    }

    @Test
    void aSelectWithoutTheOptionNamesTheOptionsItHas() {
        signIn();
        Outcome outcome = browser.actuator.perform(new Action.Select(Target.byLabel("Language"), "Klingon"), Guards.admitAll());

        assertThat(outcome.detail()).contains("has no option \"Klingon\"").contains("\"English\", \"Deutsch\", \"Français\"");
    }

    @Test
    void expandsAndShowsTheStateInTheObservation() {
        signIn();
        assertThat(browser.page().pageElements()).filteredOn(e -> e.name().equals("Show advanced options"))
                .singleElement().satisfies(e -> assertThat(e.states()).contains("collapsed"));

        browser.must(new Action.Click(Target.byText("Show advanced options")));

        assertThat(browser.page().pageElements()).filteredOn(e -> e.name().equals("Show advanced options"))
                .singleElement().satisfies(e -> assertThat(e.states()).contains("expanded"));
    }

    @Test
    void changesThePasswordAndDeletesTheAccountThroughItsDialog() {
        signIn();
        browser.must(new Action.Type(Target.byLabel("Current password"), "{{secret:demo_password}}"));
        browser.must(new Action.Type(Target.byLabel("New password"), "battery-staple"));
        browser.must(new Action.Click(Target.byText("Change password")));
        browser.must(new Action.WaitFor(new Condition.TextShown("Password changed."), Duration.ofSeconds(3)));

        Outcome.Done opened = browser.must(new Action.Click(Target.byText("Delete account")));
        assertThat(opened.detail()).contains("a dialog opened");
        assertThat(browser.page().modal()).contains("Delete your account?");
        browser.must(new Action.Click(Target.byText("Delete for good")));

        browser.must(new Action.WaitFor(new Condition.TextShown("Your account is deleted."), Duration.ofSeconds(3)));
        assertThat(browser.server.record().passwordChanges()).containsExactly(new DemoRecord.PasswordChange("demo"));
        assertThat(browser.server.record().deletions()).containsExactly(new DemoRecord.AccountDeletion("demo"));
    }

    @Test
    void aClickWhoseAnswerNavigatesWhileDeftWaitsForItIsDoneAndLooksAtTheNewPage() {
        browser.server.slowApi(Duration.ofMillis(800));
        try {
            browser.open("account/");
            browser.must(new Action.Type(Target.byLabel("User name"), DemoServer.USER));
            browser.must(new Action.Type(Target.byLabel("Password"), "{{secret:demo_password}}"));

            // the page asks the server, then goes to another page while the look after the click waits
            Outcome.Done signedIn = browser.must(new Action.Click(Target.byText("Sign in")));

            assertThat(signedIn.detail()).contains("Clicked");
        } finally {
            browser.server.slowApi(Duration.ZERO);
        }
        browser.must(new Action.WaitFor(new Condition.TextShown("Signed in as demo"), Duration.ofSeconds(5)));
        assertThat(browser.page().url()).endsWith("/account/settings.html");
    }

    private void signIn() {
        browser.open("account/");
        browser.must(new Action.Type(Target.byLabel("User name"), DemoServer.USER));
        Outcome.Done typed = browser.must(new Action.Type(Target.byLabel("Password"), "{{secret:demo_password}}"));
        assertThat(typed.detail()).contains("(a secret, not shown)").doesNotContain(DemoServer.FIRST_PASSWORD);
        browser.must(new Action.Click(Target.byText("Sign in")));
        browser.must(new Action.WaitFor(new Condition.TextShown("Signed in as demo"), Duration.ofSeconds(5)));
    }
}
