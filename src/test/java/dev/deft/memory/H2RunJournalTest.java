package dev.deft.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.DeftException;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.RecordingActuator;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal.RunRecord;
import dev.deft.core.RunJournal.SkillTally;
import dev.deft.core.RunLimits;
import dev.deft.core.RunStatus;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.StepStatus;
import dev.deft.core.Target;
import dev.deft.safety.RiskRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2RunJournalTest {
    @TempDir
    Path data;

    private void runOnce(String id, H2RunJournal journal, boolean approve, Plan... plans) {
        RecordingActuator page = new RecordingActuator();
        AgentLoop loop = new AgentLoop(new ScriptedPlanner(plans), List.of(page), new RiskRules(),
                request -> CompletableFuture.completedFuture(
                        new ApprovalDecision(approve, "Alice at the terminal", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC());
        loop.run(id, "order two cables", journal, new RunControl());
    }

    @Test
    void aRunWithItsDecisionsStepsAndApprovalsCanBeReadBackAfterReopening() {
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            runOnce("20261123-100000-aaaa", journal, true,
                    Plan.act("fill and order", new Action.Type(Target.byLabel("Quantity"), "2"),
                            new Action.Click(Target.byText("Place order"))),
                    Plan.act("done", Action.Finish.done("Ordered two cables.")));
        }

        try (H2RunJournal reopened = H2RunJournal.open(data)) {
            RunRecord record = reopened.find("20261123-100000-aaaa").orElseThrow();

            assertThat(record.run().status()).isEqualTo(RunStatus.DONE);
            assertThat(record.run().summary()).isEqualTo("Ordered two cables.");
            assertThat(record.run().request()).isEqualTo("order two cables");
            assertThat(record.run().steps()).isEqualTo(3);
            assertThat(record.run().finishedAt()).isPresent();
            assertThat(record.decisions()).extracting(d -> d.thought()).containsExactly("fill and order", "done");
            assertThat(record.steps()).extracting(s -> s.kind()).containsExactly("type", "click", "finish");
            assertThat(record.steps()).extracting(s -> s.status().orElseThrow())
                    .containsOnly(StepStatus.DONE);
            assertThat(record.approvals()).singleElement().satisfies(approval -> {
                assertThat(approval.step()).isEqualTo(2);
                assertThat(approval.risk()).isEqualTo(RiskClass.PAY);
                assertThat(approval.approved()).contains(true);
                assertThat(approval.decidedBy()).isEqualTo("Alice at the terminal");
                assertThat(approval.payload()).contains("Place order");
            });
        }
    }

    @Test
    void aRejectedApprovalIsJournalledAsSuch() {
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            runOnce("r-rejected", journal, false, Plan.act("order", new Action.Click(Target.byText("Place order"))));

            RunRecord record = journal.find("r-rejected").orElseThrow();
            assertThat(record.run().status()).isEqualTo(RunStatus.REJECTED);
            assertThat(record.approvals()).singleElement()
                    .satisfies(approval -> assertThat(approval.approved()).contains(false));
            assertThat(record.steps()).singleElement()
                    .satisfies(step -> assertThat(step.status()).contains(StepStatus.REJECTED));
        }
    }

    @Test
    void recentRunsComeNewestFirstAndARunIsFoundByTheBeginningOfItsId() {
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            runOnce("20261123-100000-aaaa", journal, true, Plan.act("x", Action.Finish.done("one")));
            runOnce("20261123-110000-bbbb", journal, true, Plan.act("x", Action.Finish.done("two")));

            assertThat(journal.recent(10)).extracting(r -> r.summary()).containsExactly("two", "one");
            assertThat(journal.recent(1)).hasSize(1);
            assertThat(journal.find("20261123-11")).hasValueSatisfying(r ->
                    assertThat(r.run().id()).isEqualTo("20261123-110000-bbbb"));
            assertThat(journal.find("nothing-like-it")).isEmpty();
            assertThatThrownBy(() -> journal.find("20261123"))
                    .isInstanceOf(DeftException.Configuration.class)
                    .hasMessageContaining("20261123-100000-aaaa").hasMessageContaining("20261123-110000-bbbb");
        }
    }

    @Test
    void aRunStillMarkedRunningByAProcessThatIsGoneIsInterruptedOnTheNextOpen() throws Exception {
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            journal.on(new dev.deft.core.RunEvent.RunStarted("r-orphan", Clock.systemUTC().instant(), "x", "command"));
        }
        // The run above belongs to this very process, which counts as gone once the journal is opened anew here:
        // a process cannot be running a run it has no memory of.
        try (H2RunJournal reopened = H2RunJournal.open(data)) {
            assertThat(reopened.find("r-orphan").orElseThrow().run().status()).isEqualTo(RunStatus.INTERRUPTED);
        }
    }

    /** A run of the skill {@code skill} whose planner ends it with {@code finish}. */
    private void replay(String id, String skill, H2RunJournal journal, Action.Finish finish) {
        ScriptedPlanner steps = new ScriptedPlanner(Plan.act("the skill's last step", finish));
        Planner replaying = new Planner() {
            @Override
            public String name() {
                return "skill";
            }

            @Override
            public Optional<String> skill() {
                return Optional.of(skill);
            }

            @Override
            public Plan next(PlanContext context) {
                return steps.next(context);
            }
        };
        new AgentLoop(replaying, List.of(new RecordingActuator()), new RiskRules(),
                request -> CompletableFuture.completedFuture(new ApprovalDecision(true, "Alice", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC())
                .run(id, "skill " + skill, journal, new RunControl());
    }

    @Test
    void eachSkillsRunsAndTheOnesThatWereDoneAreCountedAcrossReopening() {
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            replay("r1", "send-email", journal, Action.Finish.done("sent"));
            replay("r2", "send-email", journal, new Action.Finish("the To field was gone", false));
            replay("r3", "buy-cable", journal, Action.Finish.done("ordered"));
            runOnce("r4", journal, true, Plan.act("x", Action.Finish.done("no skill here")));
        }
        try (H2RunJournal reopened = H2RunJournal.open(data)) {
            Map<String, SkillTally> tallies = reopened.skillTallies();

            assertThat(tallies).containsOnlyKeys("send-email", "buy-cable");
            assertThat(tallies.get("send-email")).extracting(SkillTally::runs, SkillTally::done).containsExactly(2, 1);
            assertThat(tallies.get("buy-cable")).extracting(SkillTally::runs, SkillTally::done).containsExactly(1, 1);
            assertThat(tallies.get("send-email").lastRun()).isPresent();
        }
    }

    @Test
    void aFolderThatIsAFileGivesAOneLineConfigurationError() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> H2RunJournal.open(file))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageStartingWith("Cannot open the journal in " + file)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
