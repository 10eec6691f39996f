package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clicks and typing go through Deft's own DevTools connection to the page (beside chromedriver's) as the browser's
 * own input events, and come out as WebDriver's did: the page sees trusted mouse and key events, replacing and
 * appending text work, in an open shadow root too; fields whose text cannot be selected are typed by WebDriver.
 */
class DevToolsInputIT {
    private static DemoBrowser browser;

    @BeforeAll
    static void start() {
        browser = DemoBrowser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void open() {
        browser.open("lab/input.html");
    }

    @Test
    void aClickIsTheBrowsersOwnAndCountsOnce() {
        int before = browser.actuator.inputsThroughDevTools();

        browser.must(new Action.Click(Target.byText("Count me")));
        browser.must(new Action.Click(Target.byText("Count me")));

        assertThat(browser.actuator.inputsThroughDevTools()).isEqualTo(before + 2);
        assertThat(pageText()).contains("2 clicks").contains("Untrusted events: 0");
        assertThat(pageText()).containsSubsequence("mousedown", "mouseup", "click", "mousedown", "mouseup", "click");
    }

    @Test
    void typingReplacesOrAppendsWithTrustedKeyPresses() {
        Outcome.Done replaced = browser.must(new Action.Type(Target.byLabel("Name"), "Ada Lovelace"));
        Outcome.Done appended = browser.must(new Action.Type(Target.byLabel("Notes"), ", second", false));

        assertThat(replaced.detail()).contains("it now holds \"Ada Lovelace\"");
        assertThat(appended.detail()).contains("it now holds \"first line, second\"");
        assertThat(browser.actuator.inputsThroughDevTools()).isPositive();
        assertThat(pageText()).contains("Keys: Ada Lovelace, second").contains("Untrusted events: 0");
    }

    @Test
    void anEmailFieldIsTypedByWebDriverAndStillReplaced() {
        int before = browser.actuator.inputsThroughDevTools();

        Outcome.Done typed = browser.must(new Action.Type(Target.byLabel("Email"), "ada@example.com"));

        assertThat(typed.detail()).contains("it now holds \"ada@example.com\"");
        assertThat(browser.actuator.inputsThroughDevTools()).isEqualTo(before);
    }

    @Test
    void insideAShadowRootAndFarDownThePage() {
        browser.must(new Action.Type(Target.byLabel("Code"), "SPRING"));
        browser.must(new Action.Click(Target.byText("Apply code")));
        browser.must(new Action.Click(Target.byText("Far down")));

        assertThat(pageText()).contains("applied SPRING").contains("pressed").contains("Untrusted events: 0");
    }

    private static String pageText() {
        Outcome.Done read = browser.must(new Action.Extract(Optional.empty(), Action.Extract.What.TEXT));
        return read.value().orElse("");
    }
}
