package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.EventLog;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.Target;
import dev.deft.safety.RiskRules;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The desktop actuator at the end of the real loop: planned, classed by the real risk rules, approved, acted, stopped. */
class DesktopLoopIT {
    @TempDir
    Path temp;
    private TestDesktop desktop;
    private final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    private final ApprovalGate refusing = request -> {
        asked.add(request);
        return CompletableFuture.completedFuture(ApprovalDecision.reject("the test", java.time.Instant.now()));
    };

    @BeforeEach
    void start() {
        desktop = new TestDesktop(temp);
    }

    @AfterEach
    void stop(TestInfo test) {
        TestDesktop.screenshot("DesktopLoopIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        desktop.close();
    }

    @Test
    void aPlannerDrivesXcalcThroughTheLoopAndFinishesWithTheDisplay() {
        Target seven = image("xcalc-7.png");
        Planner planner = new ScriptedPlanner(
                Plan.act("Open it.", new Action.Launch("xcalc")),
                Plan.act("Seven times seven.", new Action.Click(seven),
                        new Action.Type(Target.of(new Locator.Focused()), "*", false), new Action.Click(seven),
                        new Action.Click(image("xcalc-equals.png"))),
                Plan.act("Read it.", new Action.Extract(Optional.of(Target.of(new Locator.Region("Calculator", 14, 6, 200, 17))),
                        Action.Extract.What.TEXT)));
        EventLog events = new EventLog();

        RunResult result = loop(new ReadingFinisher(planner), desktop.actuator())
                .run("run-xcalc", "seven times seven", events, new RunControl());

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        assertThat(result.summary()).isEqualTo("49");
        assertThat(asked).isEmpty();
    }

    @Test
    void aClickOnWordsThatSendIsClassedByTheTextOnTheScreenAndNeedsApproval() {
        desktop.start("mousepad");
        DesktopActuator deft = desktop.actuator();
        deft.perform(new Action.Type(Target.of(new Locator.Window("Mousepad")), "Send the quarterly report", false), Guards.admitAll());
        // a planner that knows only coordinates: the risk must come from what OCR reads there
        Planner byPoint = new Planner() {
            @Override public String name() { return "by-point"; }
            @Override public Plan next(PlanContext context) {
                if (!context.history().isEmpty()) {
                    return Plan.giveUp("The click did not happen.");
                }
                DesktopObservation seen = (DesktopObservation) context.observation();
                Rectangle send = seen.words().stream().filter(w -> w.text().equals("Send")).findFirst()
                        .orElseThrow(() -> new AssertionError("OCR did not read \"Send\": " + seen.render(2000))).box();
                return Plan.act("Click the word.", new Action.Click(Target.of(
                        new Locator.Point(send.x + send.width / 2, send.y + send.height / 2))));
            }
        };
        EventLog events = new EventLog();

        RunResult result = loop(byPoint, deft).run("run-send", "click there", events, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(events.of(RunEvent.StepPlanned.class)).extracting(RunEvent.StepPlanned::risk).containsExactly(RiskClass.SEND);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).risk()).isEqualTo(RiskClass.SEND);
    }

    @Test
    void wordsPlannedBeforeTheirWindowShowedAreClassedByWhatIsFoundThereBeforeTheClick() {
        Planner planner = new ScriptedPlanner(Plan.act("Go on.",
                new Action.Click(Target.of(new Locator.ScreenText("Continue")))));
        EventLog events = new EventLog();
        // the question shows only once the click is planned: "Continue" alone is an ordinary click
        dev.deft.core.RunListener showingTheQuestionLate = event -> {
            events.on(event);
            if (event instanceof RunEvent.StepPlanned) {
                desktop.start("xmessage", "-buttons", "Back,Continue and pay", "Your basket holds 2 items.");
            }
        };

        RunResult result = loop(planner, desktop.actuator()).run("run-pay", "go on", showingTheQuestionLate,
                new RunControl());

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.REJECTED);
        assertThat(events.of(RunEvent.StepPlanned.class)).extracting(RunEvent.StepPlanned::risk)
                .containsExactly(RiskClass.SUBMIT);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.PAY);
            assertThat(request.action().describe()).contains("pay");
        });
        // xmessage closes when a button is pressed: it is still asking
        assertThat(new X11Windows(Clock.systemUTC()).all()).anySatisfy(w -> assertThat(w.title()).isEqualTo("xmessage"));
    }

    @Test
    void theKillSwitchStopsTypingMidWay() {
        DesktopWindow editor = desktop.start("mousepad");
        String text = "y".repeat(400);
        RunControl control = new RunControl();
        Thread killer = new Thread(() -> {
            TestDesktop.POLLING.untilPresent("typing to begin", Duration.ofSeconds(30),
                    () -> new X11Windows(Clock.systemUTC()).all().stream()
                            .filter(w -> w.id().equals(editor.id()) && w.title().startsWith("*")).findFirst(),
                    e -> "it did not");
            control.cancel("the kill switch");
        }, "kill-switch");
        killer.start();

        RunResult result = loop(new ScriptedPlanner(Plan.act("Write.",
                new Action.Type(Target.of(new Locator.Window("Mousepad")), text, false))), desktop.actuator())
                .run("run-kill", "write a lot", new EventLog(), control);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.summary()).contains("the kill switch");
        DesktopActuator after = desktop.actuator();
        String typed = readAllOf(after);
        assertThat(typed).matches("y+").hasSizeLessThan(text.length());
    }

    /** What the editor holds, read back through the clipboard-free way a person checks: save it and read the file. */
    private String readAllOf(DesktopActuator deft) {
        Path file = temp.resolve("killed.txt");
        deft.perform(new Action.PressKey("ctrl+s"), Guards.admitAll());
        deft.perform(new Action.WaitFor(new dev.deft.core.Condition.TextShown("Save As"), Duration.ofSeconds(10)), Guards.admitAll());
        deft.perform(new Action.Type(Target.of(new Locator.Focused()), file.toString(), true), Guards.admitAll());
        deft.perform(new Action.Click(Target.of(new Locator.ScreenText("Save"))), Guards.admitAll());
        TestDesktop.POLLING.untilPresent(file + " to be saved", Duration.ofSeconds(10),
                () -> java.nio.file.Files.exists(file) ? Optional.of(file) : Optional.empty(), e -> "it was not");
        return TestDesktop.read(file);
    }

    private AgentLoop loop(Planner planner, DesktopActuator deft) {
        return new AgentLoop(planner, List.of(deft), new RiskRules(), refusing, List.of(),
                RunLimits.defaults(), Clock.systemUTC());
    }

    private static Target image(String name) {
        return Target.of(new Locator.Image(TestDesktop.resource(name).toString(), 0.9, 0, 0));
    }

    /** Finishes the run with the last value read, once the planner it wraps has no more to do. */
    private record ReadingFinisher(Planner inner) implements Planner {
        @Override public String name() { return inner.name(); }
        @Override public Plan next(PlanContext context) {
            Plan plan = inner.next(context);
            if (plan instanceof Plan.GiveUp && context.last().isPresent()
                    && context.last().get().outcome() instanceof dev.deft.core.Outcome.Done done && done.value().isPresent()) {
                return Plan.act("Done.", Action.Finish.done(done.value().get().strip()));
            }
            return plan;
        }
    }
}
