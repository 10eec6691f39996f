package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.Polling;
import dev.deft.core.RecordedStep;
import dev.deft.demo.DemoServer;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillDrafts;
import dev.deft.skill.SkillFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A person records "send an email" in a visible Chromium: real X input events from {@code xdotool} (clicks and
 * typing), heard by the recorder through WebDriver BiDi; the recording becomes a skill file with parameters.
 */
class RecordSkillIT {
    @TempDir
    Path home;

    @Test
    void clicksAndTypingByRealInputBecomeASkillWithAParameterPerField() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            BrowserSettings settings = BrowserSettings.defaults(System.getenv(), home).withHeadless(false).withIncognito();
            List<RecordedStep> steps;
            try (BrowserRecorder recorder = BrowserRecorder.start(settings, server.url("mail/compose.html"))) {
                WebDriver page = recorder.driver();
                awaitField(page, "[data-field=body]");
                RealInput.typeInto(page, "[data-field=to]", "alice@example.org");
                RealInput.typeInto(page, "[data-field=subject]", "Picnic");
                RealInput.typeInto(page, "[data-field=body]", "Bring a blanket.");
                RealInput.clickOn(page, "#send");
                awaitText(page, "#result", "Message sent");
                steps = recorder.stop();
            }

            assertThat(steps).extracting(s -> s.action().kind())
                    .containsExactly("open_url", "type", "type", "type", "click");
            assertThat(steps.get(0).action()).isEqualTo(new Action.OpenUrl(server.url("mail/compose.html")));
            Action.Type to = (Action.Type) steps.get(1).action();
            assertThat(to.text()).isEqualTo("alice@example.org");
            assertThat(steps.get(1).field()).isEqualTo("To");
            assertThat(to.into().locators()).contains(new Locator.Label("To"))
                    .doesNotContain(new Locator.Css("#" + "to")); // the generated id is not kept
            assertThat(((Action.Type) steps.get(3).action()).text()).isEqualTo("Bring a blanket.");
            Action.Click send = (Action.Click) steps.get(4).action();
            assertThat(send.on().locators()).contains(new Locator.Name("Send"), new Locator.Css("#send"));

            Skill skill = SkillDrafts.fromRecording("send-email", "Send an email from Deft Mail.",
                    List.of("email {to} about {subject}"), steps);
            assertThat(skill.parameters()).extracting(p -> p.name()).containsExactly("to", "subject", "message");
            assertThat(skill.parameter("to").orElseThrow().example()).isEqualTo("alice@example.org");
            Path file = home.resolve("send-email.json");
            SkillFiles.write(skill, file);
            assertThat(Files.readString(file)).contains("\"text\" : \"{to}\"").contains("\"label\" : \"To\"");
            assertThat(SkillFiles.read(file)).isEqualTo(skill);
            assertThat(server.record().mails()).hasSize(1);
        }
    }

    @Test
    void aPasswordIsRecordedAsTheNameOfASecretNeverAsTheValueTyped() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            BrowserSettings settings = BrowserSettings.defaults(System.getenv(), home).withHeadless(false).withIncognito();
            List<RecordedStep> steps;
            try (BrowserRecorder recorder = BrowserRecorder.start(settings, server.url("account/"))) {
                WebDriver page = recorder.driver();
                awaitField(page, "input[type=password]");
                RealInput.clickOn(page, "input[type=password]");
                RealInput.type(DemoServer.FIRST_PASSWORD);
                RealInput.key("Return");
                // the page answers the Enter (no user name was given): the key press has been seen by then
                awaitText(page, "#problem", "Wrong user name or password");
                steps = recorder.stop();
            }

            RecordedStep password = steps.stream().filter(RecordedStep::secret).findFirst().orElseThrow();
            assertThat(((Action.Type) password.action()).text()).matches("\\{\\{secret:[a-z0-9_]+}}");
            assertThat(steps.toString()).doesNotContain(DemoServer.FIRST_PASSWORD);
            assertThat(steps).extracting(s -> s.action().kind()).contains("press_key");
            Skill skill = SkillDrafts.fromRecording("log-in", "", List.of(), steps);
            assertThat(SkillFiles.toJson(skill)).doesNotContain(DemoServer.FIRST_PASSWORD).contains("\"type\" : \"secret\"");
        }
    }

    private static void awaitField(WebDriver page, String css) {
        Polling.system().until(css + " on the page", Duration.ofSeconds(10), () ->
                Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                        "return !!document.querySelector(arguments[0])", css))
                        ? Polling.Probe.ready(true) : Polling.Probe.notYet("none on " + page.getCurrentUrl()));
    }

    private static void awaitText(WebDriver page, String css, String text) {
        Polling.system().until("\"" + text + "\" in " + css, Duration.ofSeconds(10), () -> {
            String shown = String.valueOf(((JavascriptExecutor) page).executeScript(
                    "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css));
            return shown.contains(text) ? Polling.Probe.ready(true) : Polling.Probe.notYet("it shows \"" + shown + "\"");
        });
    }
}
