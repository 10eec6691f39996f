package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The class of an action is that of what the actuator found for it, judged just before acting: a plan or a recording
 * that names something harmless which turns out to be something risky stops at an approval for the thing found, and a
 * thing found that is not what was asked for is acted on only with a yes.
 */
class ResolvedRiskTest {
    private static final Target SAVE = Target.byText("Save");
    private static final Target DELETE_BUTTON = Target.byText("Delete everything");

    private final RecordingActuator page = new RecordingActuator();
    private final EventLog log = new EventLog();
    private final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();

    private ApprovalGate answering(boolean yes) {
        return request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(new ApprovalDecision(yes, "test person", Clock.systemUTC().instant()));
        };
    }

    private RunResult run(Actuator actuator, ApprovalGate gate, Action... actions) {
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("do it", actions), Plan.act("done", Action.Finish.done("Done.")));
        return new AgentLoop(planner, List.of(actuator), RiskPolicyForTests.INSTANCE, gate, List.of(),
                RunLimits.defaults(), Clock.systemUTC()).run("run-1", "save it", log, new RunControl());
    }

    @Test
    void aHarmlessNameThatResolvesToADeletionStopsForApprovalOfWhatWasFound() {
        page.resolving(SAVE, DELETE_BUTTON);

        RunResult result = run(page, answering(false), new Action.Click(SAVE));

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(page.performed).isEmpty();
        assertThat(log.of(RunEvent.StepPlanned.class)).singleElement()
                .satisfies(planned -> assertThat(planned.risk()).isEqualTo(RiskClass.SUBMIT));
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.DELETE);
            assertThat(request.action()).isEqualTo(new Action.Click(DELETE_BUTTON));
        });
    }

    @Test
    void aYesIsForExactlyWhatWasFoundAndThatIsWhatIsActedOn() {
        page.resolving(SAVE, DELETE_BUTTON);

        RunResult result = run(page, answering(true), new Action.Click(SAVE));

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(asked).hasSize(1);
        assertThat(page.performed).containsExactly(new Action.Click(DELETE_BUTTON));
    }

    @Test
    void aStepThatNeedsApprovalIsAskedAboutOnceItsTargetIsFound() {
        Target order = Target.byText("Place order");
        Target found = Target.of(new Locator.ElementNumber(7), new Locator.Name("Place order"));
        page.resolving(order, found);

        run(page, answering(true), new Action.Click(order));

        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.PAY);
            assertThat(request.action()).isEqualTo(new Action.Click(found));
            assertThat(request.summary()).isEqualTo("Click \"Place order\" (#7)");
        });
        assertThat(page.performed).containsExactly(new Action.Click(found));
    }

    @Test
    void somethingElseFoundInPlaceOfTheTargetHaltsTheStepWithoutActingOrAsking() {
        Actuator elsewhere = disagreeing("the step looked for \"Save\"; css \"#save\" found button \"Cancel\" in its place");

        run(elsewhere, answering(true), new Action.Click(SAVE));

        assertThat(page.performed).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(log.of(RunEvent.StepFinished.class)).first().satisfies(finished -> assertThat(finished.detail())
                .isEqualTo("Halted before acting: the step looked for \"Save\"; css \"#save\" found button "
                        + "\"Cancel\" in its place."));
    }

    @Test
    void somethingRiskyFoundInPlaceOfTheTargetIsActedOnOnlyWithAYesThatSaysSo() {
        page.resolving(SAVE, DELETE_BUTTON);
        Actuator elsewhere = disagreeing("the step looked for \"Save\"; css \"#save\" found button \"Delete everything\" in its place");

        RunResult refused = run(elsewhere, answering(false), new Action.Click(SAVE));

        assertThat(refused.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(page.performed).isEmpty();
        assertThat(asked).singleElement().satisfies(request -> assertThat(request.summary())
                .startsWith("Click text \"Delete everything\", which is not what the step looked for: the step looked for"));
    }

    @Test
    void anActuatorThatActsWithoutAskingItsGuardIsNeverCountedDone() {
        Actuator careless = new Actuator() {
            @Override public String surface() { return "careless"; }
            @Override public boolean handles(Action action) { return true; }
            @Override public Observation observe() { return Observation.NONE; }
            @Override public Outcome perform(Action action, ActGuard guard) { return Outcome.done("clicked"); }
        };

        run(careless, answering(true), new Action.Click(SAVE));

        assertThat(log.of(RunEvent.StepFinished.class)).first().satisfies(finished ->
                assertThat(finished.status()).isEqualTo(StepStatus.FAILED));
    }

    /** The recording page, where each target is found with {@code why} it is not what was asked for. */
    private Actuator disagreeing(String why) {
        return new Actuator() {
            @Override public String surface() { return "test"; }
            @Override public boolean handles(Action action) { return page.handles(action); }
            @Override public Observation observe() { return page.observe(); }
            @Override public Outcome perform(Action action, ActGuard guard) {
                return page.perform(action, found -> guard.admit(new Resolution(found.bound(), found.seenOn(),
                        Optional.of(why))));
            }
        };
    }
}
