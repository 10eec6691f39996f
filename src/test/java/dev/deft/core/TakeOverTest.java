package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Take over: a person pauses a run, acts on the surface, and the run goes on from what it shows then. */
class TakeOverTest {
    private final RunControl control = new RunControl();
    private final AtomicInteger broughtToFront = new AtomicInteger();
    private final RecordingActuator page = new RecordingActuator() {
        @Override
        public void bringToFront() {
            broughtToFront.incrementAndGet();
        }
    };
    private final EventLog log = new EventLog();
    /** The person: when the run has paused, they act, then press Resume. */
    private final RunListener person = event -> {
        if (event instanceof RunEvent.RunPaused) {
            CompletableFuture.runAsync(() -> control.resume("test person"));
        }
    };

    @Test
    void aPausedRunBringsTheSurfaceForwardWaitsForResumeAndPlansAgainFromAFreshLook() throws Exception {
        page.then(action -> {
            control.pause("test person (took over)");
            return Outcome.done("clicked");
        });
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("two clicks", new Action.Click(Target.byText("Log in")), new Action.Click(Target.byText("Next"))),
                Plan.act("done", Action.Finish.done("Logged in by the person.")));
        AgentLoop loop = new AgentLoop(planner, List.of(page), RiskPolicyForTests.INSTANCE,
                request -> CompletableFuture.completedFuture(ApprovalDecision.reject("nobody", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC());

        RunResult result = CompletableFuture.supplyAsync(() -> loop.run("run-1", "log in", RunListener.all(log, person), control))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(page.performed).as("the rest of the plan made before the pause").containsExactly(
                new Action.Click(Target.byText("Log in")));
        assertThat(broughtToFront).hasValue(1);
        assertThat(log.names()).containsSubsequence("step_finished", "run_paused", "run_resumed", "plan_made",
                "run_finished");
        assertThat(log.of(RunEvent.RunPaused.class)).singleElement()
                .satisfies(paused -> assertThat(paused.by()).isEqualTo("test person (took over)"));
        assertThat(log.of(RunEvent.RunResumed.class)).singleElement()
                .satisfies(resumed -> assertThat(resumed.by()).isEqualTo("test person"));
        assertThat(planner.seen).hasSize(2);
    }

    @Test
    void theKillSwitchEndsAPauseToo() throws Exception {
        control.pause("test person");
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("done", Action.Finish.done("never")));
        AgentLoop loop = new AgentLoop(planner, List.of(page), RiskPolicyForTests.INSTANCE,
                request -> CompletableFuture.completedFuture(ApprovalDecision.reject("nobody", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC());
        EventLog events = new EventLog();
        RunListener killSwitch = event -> {
            if (event instanceof RunEvent.RunPaused) {
                CompletableFuture.runAsync(() -> control.cancel("stopped with the kill switch"));
            }
        };

        RunResult result = CompletableFuture.supplyAsync(() -> loop.run("run-2", "log in", RunListener.all(events, killSwitch), control))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).contains("kill switch");
        assertThat(events.names()).contains("run_paused").doesNotContain("run_resumed");
        assertThat(planner.seen).isEmpty();
    }
}
