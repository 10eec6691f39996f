package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Condition;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.Target;
import dev.deft.demo.DemoServer;
import dev.deft.memory.H2RunJournal;
import dev.deft.safety.RiskRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real loop drives the real browser on the demo shop, journals every step and leaves a screenshot for each. */
class AgentLoopBrowserIT {

    @TempDir
    Path data;

    /** A planner for this test: the steps a person would take to search the shop, one at a time, then done. */
    private static final class SearchTheShop implements Planner {
        private final List<Action> steps;

        SearchTheShop(String shop) {
            steps = List.of(new Action.OpenUrl(shop),
                    new Action.Type(Target.byPlaceholder("Search products"), "teapot"),
                    new Action.Click(Target.byName("Search")),
                    new Action.WaitFor(new Condition.TextShown("1 results for \"teapot\""), Duration.ofSeconds(5)),
                    new Action.Extract(Optional.of(Target.byText("Blue Teapot")), Action.Extract.What.TEXT));
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Plan next(PlanContext context) {
            if (context.last().isPresent() && !context.last().get().outcome().succeeded()) {
                return Plan.giveUp("Step failed: " + context.last().get().outcome().detail());
            }
            int done = context.history().size();
            return done < steps.size() ? Plan.act("Next step.", steps.get(done))
                    : Plan.act("Found it.", Action.Finish.done("The shop has the Blue Teapot."));
        }
    }

    /** Says no to everything: nothing in this run may need a person. */
    private static final class NoGate implements ApprovalGate {
        @Override
        public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
            return CompletableFuture.completedFuture(ApprovalDecision.reject("test", Instant.now()));
        }

        @Override
        public CompletableFuture<Optional<String>> ask(String run, String question) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    @Test
    void runsARequestOnTheDemoShopWithAScreenshotPerStepInTheJournal() {
        String runId = "20261123-120000-beef";
        Path shots = data.resolve("runs").resolve(runId).resolve("screenshots");
        try (DemoServer server = DemoServer.start();
             BrowserActuator browser = new BrowserActuator(DemoBrowser.settings(), Optional.of(shots), UnaryOperator.identity());
             RunJournal journal = H2RunJournal.open(data)) {
            AgentLoop loop = new AgentLoop(new SearchTheShop(server.url("shop/?reset=1")), List.of(browser),
                    new RiskRules(), new NoGate(), List.of(), RunLimits.defaults(), Clock.systemUTC());

            RunResult result = loop.run(runId, "find the teapot", journal, new RunControl());

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            List<RunJournal.StepRecord> steps = journal.find(runId).orElseThrow().steps();
            List<RunJournal.StepRecord> acted = steps.stream().filter(s -> !s.kind().equals("finish")).toList();
            assertThat(acted).hasSize(5).allSatisfy(step -> {
                assertThat(step.screenshot()).as("screenshot of step %d", step.step()).isPresent();
                Path file = Path.of(step.screenshot().orElseThrow());
                assertThat(file).exists().startsWith(shots);
                assertThat(Files.size(file)).isGreaterThan(1_000);
            });
            assertThat(acted).extracting(s -> Path.of(s.screenshot().orElseThrow())).doesNotHaveDuplicates();
            assertThat(acted.get(4).value()).hasValueSatisfying(v -> assertThat(v).contains("Blue Teapot"));
            assertThat(acted.get(2).detail()).contains("now at").contains("q=teapot");
        }
    }
}
