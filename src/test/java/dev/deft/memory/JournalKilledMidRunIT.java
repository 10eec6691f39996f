package dev.deft.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.RecordingActuator;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal.RunRecord;
import dev.deft.core.RunLimits;
import dev.deft.core.RunStatus;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.StepStatus;
import dev.deft.core.Target;
import dev.deft.safety.RiskRules;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second JVM runs a task, is killed with SIGKILL in its third step, and the journal keeps what it had finished. */
class JournalKilledMidRunIT {
    @TempDir
    Path data;

    @Test
    void everyFinishedStepSurvivesKillNineAndTheRunIsMarkedInterrupted() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Victim.class.getName(), data.toString())
                .redirectError(data.resolve("child-stderr.txt").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(Victim.IN_STEP_THREE));
            assertThat(line).as("the child reached step 3 (its stderr is in " + data + ")").isEqualTo(Victim.IN_STEP_THREE);

            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        try (H2RunJournal journal = H2RunJournal.open(data)) {
            RunRecord record = journal.find(Victim.RUN).orElseThrow();

            assertThat(record.run().status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(record.run().summary()).contains("Interrupted");
            assertThat(record.steps()).hasSize(3);
            assertThat(record.steps().subList(0, 2)).allSatisfy(step -> {
                assertThat(step.status()).contains(StepStatus.DONE);
                assertThat(step.detail()).startsWith("did ");
            });
            assertThat(record.steps().get(2).status()).isEmpty();
            assertThat(record.steps().get(2).action()).isEqualTo("Click text \"Three\"");
        }
    }

    /** The process that is killed: three clicks, the third of which never ends. */
    public static final class Victim {
        static final String RUN = "20261123-120000-dead";
        static final String IN_STEP_THREE = "in step three";

        public static void main(String[] args) {
            RecordingActuator page = new RecordingActuator().then(a -> Outcome.done("did one")).then(a -> Outcome.done("did two"))
                    .then(a -> {
                        System.out.println(IN_STEP_THREE);
                        System.out.flush();
                        return new RecordingActuator().thenHang().perform(a, Guards.admitAll());
                    });
            H2RunJournal journal = H2RunJournal.open(Path.of(args[0]));
            AgentLoop loop = new AgentLoop(new ScriptedPlanner(Plan.act("three clicks",
                    new Action.Click(Target.byText("One")), new Action.Click(Target.byText("Two")),
                    new Action.Click(Target.byText("Three")))), List.of(page), new RiskRules(),
                    request -> CompletableFuture.completedFuture(ApprovalDecision.approve("test", Clock.systemUTC().instant())),
                    List.of(), RunLimits.defaults().withStepTimeout(Duration.ofHours(1)), Clock.systemUTC());
            loop.run(RUN, "click one, two and three", journal, new RunControl());
        }
    }
}
