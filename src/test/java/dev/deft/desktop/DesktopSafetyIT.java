package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Stopped;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The person stays in charge: the mouse thrown into a corner stops the run; an interrupted step stops typing at once. */
class DesktopSafetyIT {
    @TempDir
    Path temp;
    private TestDesktop desktop;

    @BeforeEach
    void start() {
        desktop = new TestDesktop(temp);
    }

    @AfterEach
    void stop(TestInfo test) {
        TestDesktop.screenshot("DesktopSafetyIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        desktop.close();
    }

    @Test
    void theMouseThrownIntoACornerStopsTheRunAndNoFurtherInputReachesTheScreen() {
        desktop.start("xcalc");
        DesktopActuator deft = desktop.actuator();
        assertThat(deft.perform(click("xcalc-7.png"), Guards.admitAll())).isInstanceOf(Outcome.Done.class);

        TestDesktop.xdotool("mousemove", "0", "0");
        Outcome clicked = deft.perform(click("xcalc-7.png"), Guards.admitAll());
        Outcome typed = deft.perform(new Action.Type(Target.of(new Locator.Focused()), "7", false), Guards.admitAll());

        assertThat(clicked).isInstanceOf(Outcome.Failed.class);
        assertThat(clicked.detail()).contains("fail-safe").contains("top-left corner");
        assertThat(typed.detail()).contains("fail-safe");
        assertThat(desktop.stops).hasSize(1);
        assertThat(display(deft)).isEqualTo("7");
    }

    @Test
    void aStepInterruptedWhileTypingStopsTypingAtOnce() throws Exception {
        DesktopWindow editor = desktop.start("mousepad");
        DesktopActuator deft = desktop.actuator();
        String text = "x".repeat(400);

        CompletableFuture<Outcome> typing = new CompletableFuture<>();
        Thread step = new Thread(() -> typing.complete(
                deft.perform(new Action.Type(Target.of(new Locator.Window("Mousepad")), text, false), Guards.admitAll())), "step");
        step.start();
        // the title gets a star once the document changed, that is once typing has begun
        TestDesktop.POLLING.untilPresent("the editor to show a change", Duration.ofSeconds(30),
                () -> new X11Windows(java.time.Clock.systemUTC()).all().stream()
                        .filter(w -> w.id().equals(editor.id()) && w.title().startsWith("*")).findFirst(),
                e -> "its title stayed plain; the step " + (typing.isDone() ? "ended: " + typing.join() : "runs"));
        step.interrupt();
        Outcome outcome = typing.get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).startsWith("Stopped while");
        Path file = temp.resolve("typed.txt");
        save(desktop.actuator(), file);
        assertThat(TestDesktop.read(file)).matches("x+").hasSizeLessThan(text.length());
    }

    @Test
    void aMissingPatternFailsAfterItsTimeoutSayingTheBestScoreSeen() {
        desktop.start("xcalc");
        DesktopActuator deft = desktop.actuator(DesktopSettings.defaults().withFind(Duration.ofSeconds(1)));

        Outcome outcome = deft.perform(click("galculator-equals.png"), Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).contains("galculator-equals.png").containsPattern("best score 0\\.\\d\\d, needed 0\\.90");
    }

    @Test
    void aPatternShownTwiceIsAmbiguousAndNothingIsClicked() {
        desktop.start("xcalc");
        desktop.start("xcalc");
        desktop.start("mousepad");
        DesktopActuator deft = desktop.actuator();

        Outcome outcome = deft.perform(click("xcalc-7.png"), Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).contains("xcalc-7.png").contains("is shown twice on the screen");
    }

    @Test
    void aPatternCutAt100PercentIsFoundInGalculatorDrawnAt200Percent() {
        DesktopWindow big = desktop.start(java.util.Map.of("GDK_SCALE", "2"), "galculator");
        DesktopActuator deft = desktop.actuator();
        deft.perform(new Action.Type(Target.of(new Locator.Focused()), "2", false), Guards.admitAll());
        deft.perform(new Action.Click(Target.of(new Locator.ScreenText("+"))), Guards.admitAll());
        deft.perform(new Action.Type(Target.of(new Locator.Focused()), "2", false), Guards.admitAll());

        Outcome clicked = deft.perform(new Action.Click(Target.of(new Locator.Image(
                TestDesktop.resource("galculator-equals.png").toString(), 0.8, 0, 0))), Guards.admitAll());
        Outcome read = deft.perform(new Action.Extract(Optional.of(Target.of(new Locator.Region(big.title(), 12, 64, 636, 104))),
                Action.Extract.What.TEXT), Guards.admitAll());

        assertThat(clicked.detail()).as(clicked.toString()).contains("at 200 %");
        assertThat(((Outcome.Done) read).value().orElse("").strip()).matches("4\\.?");
    }

    private static Action click(String pattern) {
        return new Action.Click(Target.of(new Locator.Image(TestDesktop.resource(pattern).toString(), 0.9, 0, 0)));
    }

    private static String display(DesktopActuator deft) {
        Outcome read = deft.perform(new Action.Extract(Optional.of(Target.of(new Locator.Region("Calculator", 14, 6, 200, 17))),
                Action.Extract.What.TEXT), Guards.admitAll());
        return ((Outcome.Done) read).value().orElse("").strip();
    }

    private static void save(DesktopActuator deft, Path file) {
        assertThat(deft.perform(new Action.PressKey("ctrl+s"), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
        assertThat(deft.perform(new Action.WaitFor(new dev.deft.core.Condition.TextShown("Save As"), Duration.ofSeconds(10)), Guards.admitAll()))
                .isInstanceOf(Outcome.Done.class);
        assertThat(deft.perform(new Action.Type(Target.of(new Locator.Focused()), file.toString(), true), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
        assertThat(deft.perform(new Action.Click(Target.of(new Locator.ScreenText("Save"))), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
        TestDesktop.POLLING.untilPresent(file + " to be saved", Duration.ofSeconds(10),
                () -> java.nio.file.Files.exists(file) ? Optional.of(file) : Optional.empty(), e -> "it was not");
    }
}
