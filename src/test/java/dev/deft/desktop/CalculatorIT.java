package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deft works Debian's galculator and xcalc as a person would: by the buttons' text and pictures, reading the display. */
class CalculatorIT {
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
    void stop(org.junit.jupiter.api.TestInfo test) {
        TestDesktop.screenshot("CalculatorIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        desktop.close();
    }

    @Test
    void addsSevenAndTwoOnGalculatorByTextAndByImageAndReadsNine() {
        done(new Action.Launch("galculator"));

        done(new Action.Click(Target.of(new Locator.ScreenText("7"))));
        done(new Action.Click(Target.of(new Locator.ScreenText("+"))));
        done(new Action.Click(image("galculator-2.png")));
        done(new Action.Click(image("galculator-equals.png")));
        Outcome display = done(new Action.Extract(Optional.of(Target.of(new Locator.Region("galculator", 6, 32, 318, 52))),
                Action.Extract.What.TEXT));

        assertThat(((Outcome.Done) display).value().orElse("").strip()).matches("9\\.?");
    }

    @Test
    void multipliesOnXcalcByImagesAndReadsTheDisplay() {
        done(new Action.Launch("xcalc"));
        done(new Action.WaitFor(new dev.deft.core.Condition.ElementShown(image("xcalc-7.png")), java.time.Duration.ofSeconds(5)));
        done(new Action.WaitFor(new dev.deft.core.Condition.ElementGone(image("galculator-equals.png")), java.time.Duration.ofSeconds(5)));

        done(new Action.Click(image("xcalc-7.png")));
        done(new Action.Type(Target.of(new Locator.Focused()), "*", false));
        done(new Action.Click(image("xcalc-7.png")));
        done(new Action.Click(image("xcalc-equals.png")));
        Outcome display = done(new Action.Extract(Optional.of(Target.of(new Locator.Region("Calculator", 14, 6, 200, 17))),
                Action.Extract.What.TEXT));

        assertThat(((Outcome.Done) display).value().orElse("").strip()).isEqualTo("49");
    }

    private Outcome done(Action action) {
        Outcome outcome = deft.perform(action, Guards.admitAll());
        assertThat(outcome).as(action.describe() + ": " + outcome.detail()).isInstanceOf(Outcome.Done.class);
        return outcome;
    }

    private static Target image(String name) {
        return Target.of(new Locator.Image(TestDesktop.resource(name).toString(), 0.9, 0, 0));
    }
}
