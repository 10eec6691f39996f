package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AgentLoopTest {
    private static final Target ADD_TO_CART = Target.byText("Add to cart");
    private static final Target PLACE_ORDER = Target.byText("Place order");

    private final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final RecordingActuator page = new RecordingActuator();
    private final EventLog log = new EventLog();
    private final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();

    private ApprovalGate answering(boolean yes) {
        return request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(new ApprovalDecision(yes, "test person", clock.instant()));
        };
    }

    private AgentLoop loop(Planner planner, ApprovalGate gate, RunLimits limits) {
        return new AgentLoop(planner, List.of(page), RiskPolicyForTests.INSTANCE, gate, List.of(), limits,
                clock);
    }

    private RunResult run(Planner planner, ApprovalGate gate, RunLimits limits) {
        return loop(planner, gate, limits).run("run-1", "buy a cable", log, new RunControl());
    }

    @Test
    void aPlanIsPerformedStepByStepAndTheRunEndsWithTheFinishSummary() {
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("add it", new Action.Click(ADD_TO_CART), new Action.Type(Target.byLabel("Quantity"), "2")),
                Plan.act("done", Action.Finish.done("Two cables are in the cart.")));

        RunResult result = run(planner, answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(result.summary()).isEqualTo("Two cables are in the cart.");
        assertThat(result.steps()).isEqualTo(3);
        assertThat(page.performed).containsExactly(new Action.Click(ADD_TO_CART),
                new Action.Type(Target.byLabel("Quantity"), "2"));
        assertThat(log.names()).containsExactly("run_started", "plan_made", "step_planned", "step_finished",
                "step_planned", "step_finished", "plan_made", "step_planned", "step_finished", "run_finished");
        assertThat(planner.seen.get(1).history()).extracting(StepResult::step).containsExactly(1, 2);
        assertThat(planner.seen.get(1).observation().render(100)).isEqualTo("a test page after 2 actions");
    }

    @Test
    void aStepThatNeedsApprovalWaitsForAYesAndIsJournalledWithWhoSaidIt() {
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("order", new Action.Click(PLACE_ORDER)), Plan.act("done", Action.Finish.done("Ordered.")));

        RunResult result = run(planner, answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.PAY);
            assertThat(request.payload()).containsEntry("target", "text \"Place order\"");
        });
        assertThat(page.performed).containsExactly(new Action.Click(PLACE_ORDER));
        assertThat(log.of(RunEvent.ApprovalDecided.class)).singleElement()
                .satisfies(decided -> assertThat(decided.by()).isEqualTo("test person"));
    }

    @Test
    void aRejectedStepNeverReachesTheActuatorAndEndsTheRunRejected() {
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("order", new Action.Click(PLACE_ORDER)));

        RunResult result = run(planner, answering(false), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(page.performed).isEmpty();
        assertThat(log.of(RunEvent.StepFinished.class)).singleElement()
                .satisfies(finished -> assertThat(finished.status()).isEqualTo(StepStatus.REJECTED));
    }

    @Test
    void aGateThatFailsCountsAsNo() {
        ApprovalGate broken = request -> {
            throw new IllegalStateException("window gone");
        };
        RunResult result = run(new ScriptedPlanner(Plan.act("order", new Action.Click(PLACE_ORDER))), broken,
                RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(page.performed).isEmpty();
    }

    @Test
    void aPlannerMayRaiseTheClassButNeverLowerIt() {
        ScriptedPlanner planner = new ScriptedPlanner(new Plan.Act(List.of(
                new PlannedAction(new Action.Click(Target.byText("Preview")), RiskClass.SEND, "it posts"),
                new PlannedAction(new Action.Click(PLACE_ORDER), RiskClass.READ, "harmless, honest")), "", 0));

        run(planner, answering(true), RunLimits.defaults());

        assertThat(log.of(RunEvent.StepPlanned.class)).extracting(RunEvent.StepPlanned::risk)
                .containsExactly(RiskClass.SEND, RiskClass.PAY);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aPolicyThatFailsMakesTheStepNeedApproval() {
        RiskPolicy broken = (action, observation) -> {
            throw new IllegalStateException("bug");
        };
        AgentLoop loop = new AgentLoop(new ScriptedPlanner(Plan.act("click", new Action.Click(ADD_TO_CART))),
                List.of(page), broken, answering(false), List.of(), RunLimits.defaults(), clock);

        RunResult result = loop.run("run-1", "add it", log, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(page.performed).isEmpty();
    }

    @Test
    void theStepLimitEndsARunThatDoesNotFinish() {
        Plan click = Plan.act("again", new Action.Click(ADD_TO_CART));
        ScriptedPlanner planner = new ScriptedPlanner(click, click, click, click, click);

        RunResult result = run(planner, answering(true), RunLimits.defaults().withMaxSteps(3));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).contains("limit of 3 steps").contains("--max-steps");
        assertThat(page.performed).hasSize(3);
    }

    @Test
    void aRetriableFailureIsTriedAgainOnce() {
        page.then(action -> Outcome.retriable("the element went stale"));
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("click", new Action.Click(ADD_TO_CART)), Plan.act("done", Action.Finish.done("ok")));

        RunResult result = run(planner, answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(page.performed).hasSize(2);
        assertThat(log.of(RunEvent.StepFinished.class)).extracting(RunEvent.StepFinished::status)
                .containsExactly(StepStatus.RETRIED, StepStatus.DONE, StepStatus.DONE);
    }

    @Test
    void aStepThatNeededApprovalIsNeverRepeated() {
        page.then(action -> Outcome.retriable("timed out after the click"));
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("order", new Action.Click(PLACE_ORDER)));

        run(planner, answering(true), RunLimits.defaults());

        assertThat(page.performed).hasSize(1);
    }

    @Test
    void aFailedStepGoesBackToThePlannerWithTheFailure() {
        page.then(action -> Outcome.failed("No element matches \"Add to cart\""));
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("click", new Action.Click(ADD_TO_CART), new Action.Type(Target.byLabel("Qty"), "1")),
                Plan.act("other button", new Action.Click(Target.byText("Add to basket"))),
                Plan.act("done", Action.Finish.done("ok")));

        RunResult result = run(planner, answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(page.performed).extracting(Action::kind).containsExactly("click", "click");
        assertThat(planner.seen.get(1).last()).hasValueSatisfying(last ->
                assertThat(last.outcome().detail()).contains("No element matches"));
    }

    @Test
    void tooManyFailuresInARowEndTheRun() {
        page.then(a -> Outcome.failed("nope 1")).then(a -> Outcome.failed("nope 2")).then(a -> Outcome.failed("nope 3"));
        Plan click = Plan.act("click", new Action.Click(ADD_TO_CART));

        RunResult result = run(new ScriptedPlanner(click, click, click, click), answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).contains("3 failed steps").contains("nope 3");
    }

    @Test
    @Timeout(20) // a loop that does not stop a hung step would wait for it for ever
    void aStepThatHangsIsStoppedAtItsTimeoutAndTriedOnceMore() {
        page.thenHang().thenHang();
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("click", new Action.Click(ADD_TO_CART)));
        // The step timeout is the actuator link's timed wait for the step's future, on real time: the loop has no
        // clock or sleeper there to fake, so the timeout is kept short, and what is checked is what the loop did.
        RunLimits limits = RunLimits.defaults().withStepTimeout(Duration.ofMillis(100));

        RunResult result = run(planner, answering(true), limits);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(page.performed).hasSize(2);
        assertThat(log.of(RunEvent.StepFinished.class)).extracting(RunEvent.StepFinished::status)
                .containsExactly(StepStatus.RETRIED, StepStatus.FAILED);
        assertThat(log.of(RunEvent.StepFinished.class)).last()
                .satisfies(finished -> assertThat(finished.detail()).contains("took longer than 0.1 s and was stopped"));
    }

    @Test
    void aRunPastItsTimeLimitStopsBeforeItsNextStepAndEachStepTakesTheTimeTheClockSays() {
        for (int i = 0; i < 3; i++) {
            page.then(action -> {
                clock.advance(Duration.ofMinutes(10)); // a slow page: each click takes ten minutes
                return Outcome.done("clicked");
            });
        }
        Plan click = Plan.act("again", new Action.Click(ADD_TO_CART));
        ScriptedPlanner planner = new ScriptedPlanner(click, click, click, click, click);

        RunResult result = run(planner, answering(true), RunLimits.defaults().withRunTimeout(Duration.ofMinutes(25)));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).isEqualTo("Ran longer than the limit of 25 min.");
        assertThat(page.performed).hasSize(3);
        assertThat(log.of(RunEvent.StepFinished.class)).extracting(RunEvent.StepFinished::millis)
                .containsExactly(600_000L, 600_000L, 600_000L);
    }

    @Test
    void cancellingFromAnotherThreadStopsTheStepUnderWayAndTheRun() throws Exception {
        page.thenHang();
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("click", new Action.Click(ADD_TO_CART),
                new Action.Click(Target.byText("Checkout"))));
        RunControl control = new RunControl();
        var executor = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> running = executor.submit(() ->
                    loop(planner, answering(true), RunLimits.defaults()).run("run-1", "x", log, control));
            assertThat(page.started.await(10, TimeUnit.SECONDS)).isTrue();

            control.cancel("kill switch");

            RunResult result = running.get(10, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).contains("kill switch");
            assertThat(page.performed).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void cancellingWhileAnApprovalIsPendingRefusesIt() throws Exception {
        CompletableFuture<ApprovalDecision> never = new CompletableFuture<>();
        ApprovalGate waiting = request -> {
            asked.add(request);
            return never;
        };
        RunControl control = new RunControl();
        var executor = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> running = executor.submit(() -> loop(new ScriptedPlanner(
                    Plan.act("order", new Action.Click(PLACE_ORDER))), waiting, RunLimits.defaults())
                    .run("run-1", "x", log, control));
            while (asked.isEmpty() && !running.isDone()) {
                Thread.onSpinWait();
            }
            control.cancel("closed the window");

            RunResult result = running.get(10, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
            assertThat(page.performed).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPlannerThatGivesUpEndsTheRunFailedWithItsReasonAndNoAction() {
        RunResult result = run(new ScriptedPlanner(Plan.giveUp("I did not understand \"fly me\".")),
                answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).isEqualTo("I did not understand \"fly me\".");
        assertThat(page.performed).isEmpty();
        assertThat(log.names()).containsExactly("run_started", "plan_made", "run_finished");
    }

    @Test
    void aPlannerThatThrowsEndsTheRunWithOneLine() {
        Planner broken = new Planner() {
            @Override public String name() { return "broken"; }
            @Override public Plan next(PlanContext context) { throw new DeftException("The model answered garbage."); }
        };

        RunResult result = run(broken, answering(true), RunLimits.defaults());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).isEqualTo("The model answered garbage.");
    }

    @Test
    void anActionNoSurfaceHandlesFailsWithAClearMessage() {
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("open", new Action.OpenUrl("https://example.org")));

        run(planner, answering(true), RunLimits.defaults());

        assertThat(log.of(RunEvent.StepFinished.class)).first()
                .satisfies(finished -> assertThat(finished.detail()).contains("no surface handles it"));
    }

    @Test
    void anEmptyRequestFailsWithoutAskingThePlanner() {
        ScriptedPlanner planner = new ScriptedPlanner(Plan.act("x", new Action.Click(ADD_TO_CART)));

        RunResult result = loop(planner, answering(true), RunLimits.defaults()).run("run-1", "  ", log, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(planner.seen).isEmpty();
        assertThat(page.performed).isEmpty();
    }

    @Test
    void aListenerThatFailsDoesNotStopTheRun() {
        RunListener broken = event -> {
            throw new IllegalStateException("disk full");
        };
        AgentLoop loop = loop(new ScriptedPlanner(Plan.act("done", Action.Finish.done("ok"))), answering(true),
                RunLimits.defaults());

        assertThat(loop.run("run-1", "finish", broken, new RunControl()).status()).isEqualTo(RunStatus.DONE);
    }

    /** A shop whose amount, as the actuator finds it before each attempt to act, is the next of {@code shown}. */
    private Actuator shopShowing(java.util.function.Supplier<String> shown) {
        return new Actuator() {
            @Override public String surface() { return "test"; }
            @Override public boolean handles(Action action) { return page.handles(action); }
            @Override public Observation observe() { return page.observe(); }
            @Override public Outcome perform(Action action, ActGuard guard) {
                String amount = shown.get();
                Observation seen = new Observation() {
                    @Override public String surface() { return "test"; }
                    @Override public String render(int maxChars) { return amount; }
                };
                return page.perform(action, found -> guard.admit(new Resolution(found.bound(), seen,
                        found.disagreement())));
            }
        };
    }

    @Test
    void aPayloadThatChangesAfterTheYesIsAskedAgain() {
        java.util.Deque<String> amounts = new java.util.ArrayDeque<>(List.of("$10", "$12", "$12"));
        RiskPolicy amountShown = new RiskPolicy() {
            @Override public RiskClass classify(Action action, Observation observation) {
                return RiskPolicyForTests.INSTANCE.classify(action, observation);
            }
            @Override public java.util.Map<String, String> payload(Action action, Observation observation) {
                return java.util.Map.of("amount", observation.render(100));
            }
        };
        AgentLoop loop = new AgentLoop(new ScriptedPlanner(Plan.act("pay", new Action.Click(PLACE_ORDER))),
                List.of(shopShowing(amounts::poll)), amountShown, answering(true), List.of(), RunLimits.defaults(),
                clock);

        loop.run("run-1", "pay", log, new RunControl());

        assertThat(asked).extracting(request -> request.payload().get("amount")).containsExactly("$10", "$12");
        assertThat(page.performed).hasSize(1);
    }

    @Test
    void aPayloadThatKeepsChangingIsRefused() {
        java.util.concurrent.atomic.AtomicInteger cents = new java.util.concurrent.atomic.AtomicInteger(1000);
        RiskPolicy amountShown = new RiskPolicy() {
            @Override public RiskClass classify(Action action, Observation observation) { return RiskClass.PAY; }
            @Override public java.util.Map<String, String> payload(Action action, Observation observation) {
                return java.util.Map.of("amount", observation.render(100));
            }
        };
        AgentLoop loop = new AgentLoop(new ScriptedPlanner(Plan.act("pay", new Action.Click(PLACE_ORDER))),
                List.of(shopShowing(() -> "$" + cents.incrementAndGet() / 100.0)), amountShown, answering(true),
                List.of(), RunLimits.defaults(), clock);

        RunResult result = loop.run("run-1", "pay", log, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(result.summary()).contains("kept changing");
        assertThat(asked).hasSize(3);
        assertThat(page.performed).isEmpty();
    }
}
