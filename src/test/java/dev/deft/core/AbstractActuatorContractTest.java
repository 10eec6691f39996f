package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Actuator} must do, whatever its surface. A surface's test extends this and says how to make one
 * actuator and one harmless action it can always perform; the behaviours are checked here once.
 */
public abstract class AbstractActuatorContractTest {

    protected Actuator actuator;

    /** A fresh actuator, not yet used. */
    protected abstract Actuator newActuator();

    /** An action this actuator handles and can perform on a fresh surface without harm (open a page, read the screen). */
    protected abstract Action harmlessAction();

    @BeforeEach
    void create() {
        actuator = newActuator();
    }

    @AfterEach
    void dispose() {
        actuator.close();
    }

    @Test
    public void namesItsSurface() {
        assertThat(actuator.surface()).isNotBlank().doesNotContainAnyWhitespaces();
    }

    @Test
    public void answersAnActionItDoesNotHandleWithAFailedOutcomeNotAnException() {
        Action foreign = List.<Action>of(new Action.AskUser("Which one?"), new Action.RunSkill("nothing", Map.of()),
                        Action.Finish.done("Done."))
                .stream().filter(a -> !actuator.handles(a)).findFirst()
                .orElseThrow(() -> new AssertionError(actuator.surface() + " claims to handle every action"));

        Outcome outcome = actuator.perform(foreign, Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).isNotBlank();
    }

    @Test
    public void handlesItsHarmlessAction() {
        assertThat(actuator.handles(harmlessAction())).isTrue();
    }

    @Test
    public void observesBeforeAnythingWasDoneWithinTheBound() {
        Observation observation = actuator.observe();

        assertThat(observation).isNotNull();
        assertThat(observation.render(500)).isNotBlank().hasSizeLessThanOrEqualTo(500);
    }

    @Test
    public void performsItsHarmlessActionAndThenObservesItsSurface() {
        Outcome outcome = actuator.perform(harmlessAction(), Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        Observation after = actuator.observe();
        // one that only calls out (another program's tools) has no surface of its own to look at
        assertThat(after.surface()).isEqualTo(actuator.hasSurface() ? actuator.surface() : Observation.NONE.surface());
        assertThat(after.render(2_000)).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
    }

    @Test
    public void asksItsGuardAboutWhatItWouldActOnAndGivesItsNoAsTheOutcome() {
        Guards.Recording refusing = Guards.refusing();

        Outcome outcome = actuator.perform(harmlessAction(), refusing);

        assertThat(refusing.asked).as("the guard was asked before acting").isNotEmpty();
        assertThat(refusing.asked.get(0).bound().kind()).isEqualTo(harmlessAction().kind());
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(outcome.detail()).startsWith("Refused by the test");
    }

    @Test
    public void closesMoreThanOnceWithoutComplaint() {
        actuator.perform(harmlessAction(), Guards.admitAll());

        assertThatCode(() -> {
            actuator.close();
            actuator.close();
        }).doesNotThrowAnyException();
    }

    @Test
    public void answersAfterCloseWithAFailedOutcomeNotAnException() {
        actuator.close();

        assertThat(actuator.perform(harmlessAction(), Guards.admitAll())).isInstanceOf(Outcome.Failed.class);
    }
}
