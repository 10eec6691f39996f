package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import dev.deft.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's life: started only when needed, kept signed in by its profile, replaced after a crash. */
class BrowserSessionIT {
    private static DemoServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aRunThatNeverNeedsTheBrowserNeverStartsOne() {
        try (BrowserActuator actuator = new BrowserActuator(DemoBrowser.settings(), Optional.empty(), UnaryOperator.identity())) {
            assertThat(actuator.observe()).isSameAs(Observation.NONE);
            assertThat(actuator.handles(new Action.OpenUrl("https://example.com"))).isTrue();

            assertThat(actuator.browsersStarted()).isZero();
        }
    }

    @Test
    void aCrashedBrowserFailsTheStepClearlyAndTheNextStepGetsAFreshOne() {
        Path profile = temp.resolve("crash-profile");
        BrowserSettings settings = DemoBrowser.settings().withProfile(profile);
        try (BrowserActuator actuator = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
            assertThat(actuator.perform(new Action.OpenUrl(server.url("mail/")), Guards.admitAll())).isInstanceOf(Outcome.Done.class);

            killBrowserUsing(profile);
            Outcome failed = actuator.perform(new Action.Click(Target.byText("Compose")), Guards.admitAll());
            Outcome reopened = actuator.perform(new Action.OpenUrl(server.url("mail/compose.html")), Guards.admitAll());

            assertThat(failed).isInstanceOf(Outcome.Failed.class);
            assertThat(failed.detail()).startsWith("The browser was closed or crashed")
                    .endsWith("the next step starts a fresh one.");
            assertThat(reopened).isInstanceOf(Outcome.Done.class);
            assertThat(actuator.observe().location()).endsWith("/mail/compose.html");
            assertThat(actuator.browsersStarted()).isEqualTo(2);
        }
    }

    @Test
    void aPersistentProfileKeepsAPersonSignedInBetweenRuns() {
        server.reset();
        BrowserSettings settings = DemoBrowser.settings().withProfile(temp.resolve("profile"));
        try (BrowserActuator first = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
            first.perform(new Action.OpenUrl(server.url("account/")), Guards.admitAll());
            first.perform(new Action.Type(Target.byLabel("User name"), DemoServer.USER), Guards.admitAll());
            first.perform(new Action.Type(Target.byLabel("Password"), DemoServer.FIRST_PASSWORD), Guards.admitAll());
            first.perform(new Action.Click(Target.byText("Sign in")), Guards.admitAll());
            assertThat(first.perform(new Action.WaitFor(new Condition.TextShown("Signed in as demo"),
                    Duration.ofSeconds(5)), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
        }
        assertThat(Files.isDirectory(temp.resolve("profile").resolve("Default"))).isTrue();

        try (BrowserActuator second = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
            second.perform(new Action.OpenUrl(server.url("account/settings.html")), Guards.admitAll());

            assertThat(second.perform(new Action.WaitFor(new Condition.TextShown("Signed in as demo"),
                    Duration.ofSeconds(5)), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
        }
    }

    /**
     * Kills the Chromium this test started, found by its own profile folder, as a crash would end it. SIGKILL is
     * immediate; the process is then a zombie until chromedriver reaps it, so there is nothing to wait for.
     */
    private static void killBrowserUsing(Path profile) {
        String marker = "--user-data-dir=" + profile.toAbsolutePath();
        List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && !c.contains("--type=")).orElse(false))
                .toList();
        assertThat(browsers).as("the browser process of this test").isNotEmpty();
        for (ProcessHandle browser : browsers) {
            assertThat(browser.destroyForcibly()).isTrue();
        }
    }
}
