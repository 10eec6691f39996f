package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every actuator must do, checked on the desktop's. The browser's shared contract test
 * ({@code AbstractActuatorContractTest}) is not on this branch yet; these are the same checks, to be replaced by
 * extending it once it is merged.
 */
class DesktopActuatorContractIT {
    @TempDir
    Path temp;
    private TestDesktop desktop;
    private DesktopActuator actuator;

    @BeforeEach
    void create() {
        desktop = new TestDesktop(temp);
        actuator = desktop.actuator();
    }

    @AfterEach
    void dispose() {
        desktop.close();
    }

    /** Reading the screen harms nothing. */
    private static Action harmless() {
        return new Action.Extract(Optional.of(Target.of(new Locator.Focused())), Action.Extract.What.TEXT);
    }

    @Test
    void namesItsSurface() {
        assertThat(actuator.surface()).isEqualTo("desktop");
    }

    @Test
    void answersAnActionItDoesNotHandleWithAFailedOutcomeNotAnException() {
        for (Action foreign : List.<Action>of(new Action.AskUser("Which one?"), new Action.RunSkill("nothing", Map.of()),
                new Action.OpenUrl("https://example.com"), new Action.Click(Target.byCss("#ok")))) {
            assertThat(actuator.handles(foreign)).as(foreign.describe()).isFalse();
            Outcome outcome = actuator.perform(foreign);
            assertThat(outcome).isInstanceOf(Outcome.Failed.class);
            assertThat(outcome.detail()).isNotBlank();
        }
    }

    @Test
    void observesBeforeAnythingWasDoneWithinTheBound() {
        Observation observation = actuator.observe();

        assertThat(observation.surface()).isEqualTo("desktop");
        assertThat(observation.render(500)).isNotBlank().hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void performsItsHarmlessActionAndThenObservesItsSurface() {
        desktop.start("mousepad");

        Outcome outcome = actuator.perform(harmless());

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done) outcome).value().orElse("")).contains("File").contains("Edit");
        DesktopObservation after = (DesktopObservation) actuator.observe();
        assertThat(after.render(2_000)).hasSizeLessThanOrEqualTo(2_000).contains("Mousepad").contains("File");
        assertThat(after.picture().getWidth()).isEqualTo(after.window().orElseThrow().bounds().width);
    }

    @Test
    void closesMoreThanOnceWithoutComplaintAndAnswersAfterCloseWithAFailedOutcome() {
        actuator.perform(harmless());

        assertThatCode(() -> {
            actuator.close();
            actuator.close();
        }).doesNotThrowAnyException();
        assertThat(actuator.perform(harmless())).isInstanceOf(Outcome.Failed.class);
    }
}
