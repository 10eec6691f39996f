package dev.deft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RiskClass;
import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal;
import dev.deft.core.RunStatus;
import dev.deft.core.StepStatus;
import dev.deft.core.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The timeline's view model, fed a run's events as the loop sends them, without a window. */
class RunSessionTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final Action ORDER = new Action.Click(Target.byText("Place order"));

    private final RunSession session = new RunSession("buy a cable", Runnable::run);

    @Test
    void eachStepBecomesACardThatGoesFromRunningToDoneWithItsTimeDetailAndScreenshot() {
        session.on(new RunEvent.RunStarted("r1", AT, "buy a cable", "command"));
        session.on(new RunEvent.PlanMade("r1", AT, "command", "Open the shop.", 1, 0));
        session.on(new RunEvent.StepPlanned("r1", AT, 1, new Action.OpenUrl("http://127.0.0.1/shop/"), RiskClass.READ, ""));

        StepItem first = session.steps().get(0);
        assertThat(first.state().get()).isEqualTo(StepState.RUNNING);
        assertThat(first.action()).isEqualTo("Open http://127.0.0.1/shop/");
        assertThat(session.thinking().get()).isEqualTo("Open the shop.");

        session.on(new RunEvent.StepFinished("r1", AT, 1, StepStatus.DONE, 640, "Opened \"Deft Shop\".",
                Optional.empty(), Optional.of("/tmp/step-001-open.png")));

        assertThat(first.state().get()).isEqualTo(StepState.DONE);
        assertThat(first.millis().get()).isEqualTo(640);
        assertThat(first.detail().get()).isEqualTo("Opened \"Deft Shop\".");
        assertThat(first.screenshot().get()).isEqualTo("/tmp/step-001-open.png");
        assertThat(session.lastScreenshot()).contains("/tmp/step-001-open.png");
        assertThat(session.live().get()).isTrue();
    }

    @Test
    void aRejectedApprovalShowsWaitingThenRejectedAndTheRunEndsStoppedAtTheApproval() {
        session.on(new RunEvent.StepPlanned("r1", AT, 1, ORDER, RiskClass.PAY, ""));
        session.on(new RunEvent.ApprovalRequested("r1", AT, new ApprovalRequest("r1", 1, ORDER, RiskClass.PAY,
                "browser", "Click \"Place order\"", Map.of("Card number", "•••• 4242"))));
        assertThat(session.steps().get(0).state().get()).isEqualTo(StepState.WAITING);

        session.on(new RunEvent.ApprovalDecided("r1", AT, 1, false, "person at the window"));
        session.on(new RunEvent.StepFinished("r1", AT, 1, StepStatus.REJECTED, 0, "Not approved", Optional.empty(),
                Optional.empty()));
        session.on(new RunEvent.RunFinished("r1", AT, RunStatus.REJECTED, "Not approved: Click \"Place order\"", 1, 0));

        assertThat(session.steps().get(0).state().get()).isEqualTo(StepState.REJECTED);
        assertThat(session.status().get()).isEqualTo(RunStatus.REJECTED);
        assertThat(session.live().get()).isFalse();
    }

    @Test
    void aModelsTextStreamsIntoTheThinkingLineAndARetryIsCounted() {
        session.modelText("r1", "The cart ");
        session.modelText("r1", "is next.");
        assertThat(session.thinking().get()).isEqualTo("The cart is next.");

        session.on(new RunEvent.StepPlanned("r1", AT, 1, ORDER, RiskClass.READ, ""));
        session.on(new RunEvent.StepFinished("r1", AT, 1, StepStatus.RETRIED, 90, "stale", Optional.empty(), Optional.empty()));
        session.on(new RunEvent.StepFinished("r1", AT, 1, StepStatus.DONE, 120, "ok", Optional.empty(), Optional.empty()));
        session.modelText("r1", "Now checkout.");

        assertThat(session.steps().get(0).retries().get()).isEqualTo(1);
        assertThat(session.steps().get(0).state().get()).isEqualTo(StepState.DONE);
        assertThat(session.thinking().get()).isEqualTo("The cart is next.Now checkout.");
    }

    @Test
    void aPauseForTakeOverIsShownUntilResume() {
        session.on(new RunEvent.RunPaused("r1", AT, 2, "person at the window"));
        assertThat(session.paused().get()).isTrue();
        assertThat(session.thinking().get()).startsWith("Paused: person at the window has the browser.");

        session.on(new RunEvent.RunResumed("r1", AT, 2, "person at the window"));
        assertThat(session.paused().get()).isFalse();
    }

    @Test
    void aPastRunIsReplayedFromTheJournalWithItsApprovalsSaidOnItsSteps() {
        RunJournal.RunRecord record = new RunJournal.RunRecord(
                new RunJournal.RunSummary("r1", "buy a cable", "command", RunStatus.REJECTED, "Not approved", 2, 0, AT,
                        Optional.of(AT)),
                List.of(new RunJournal.DecisionRecord(0, "command", "Buy the cable.", 2, 0)),
                List.of(new RunJournal.StepRecord(1, "open_url", "Open the shop", RiskClass.READ, "",
                                Optional.of(StepStatus.DONE), 500, "Opened", Optional.empty(), Optional.of("/tmp/a.png")),
                        new RunJournal.StepRecord(2, "click", "Click \"Place order\"", RiskClass.PAY, "",
                                Optional.of(StepStatus.REJECTED), 0, "Not approved", Optional.empty(), Optional.empty())),
                List.of(new RunJournal.ApprovalRecord(2, RiskClass.PAY, "Click \"Place order\"", "", Optional.of(false),
                        "person at the window", AT, Optional.of(AT))));

        RunSession replayed = RunSession.replay(record);

        assertThat(replayed.live().get()).isFalse();
        assertThat(replayed.thinking().get()).isEqualTo("Buy the cable.");
        assertThat(replayed.steps()).extracting(s -> s.state().get()).containsExactly(StepState.DONE, StepState.REJECTED);
        assertThat(replayed.steps().get(1).detail().get()).isEqualTo("Rejected by person at the window — Not approved");
        assertThat(replayed.steps().get(0).at()).isEmpty();
    }
}
