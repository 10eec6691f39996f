package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.Plan;
import dev.deft.core.PlannedAction;
import dev.deft.core.RunSpec;
import dev.deft.core.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesktopCommandsTest {
    private static final Set<String> INSTALLED = Set.of("calculator", "mousepad", "editor", "text editor");
    private final DesktopCommands auto = new DesktopCommands(RunSpec.SurfaceChoice.AUTO, INSTALLED::contains,
            Set.of("Untitled 1 - Mousepad")::contains);

    @Test
    void aRequestNamingAnInstalledApplicationIsDesktopWork() {
        assertThat(auto.claims("open the calculator")).isTrue();
        assertThat(auto.claims("launch mousepad")).isTrue();
        assertThat(auto.claims("type \"hi\" in the editor")).isTrue();
        assertThat(auto.claims("open example.com")).isFalse();
        assertThat(auto.claims("click \"Add to cart\"")).isFalse();
    }

    @Test
    void theSurfaceThePersonChoseDecides() {
        DesktopCommands desktop = new DesktopCommands(RunSpec.SurfaceChoice.DESKTOP, s -> false, s -> false);
        DesktopCommands browser = new DesktopCommands(RunSpec.SurfaceChoice.BROWSER, s -> true, s -> true);

        assertThat(desktop.claims("click \"7\"")).isTrue();
        assertThat(browser.claims("open the calculator")).isFalse();
    }

    @Test
    void eachClauseBecomesOneActionInOrder() {
        Plan plan = auto.plan("open the calculator, click \"7\", then double-click notes.txt; right-click at 10,20, "
                + "click image ok.png, type \"a, then b\" in the editor, press ctrl+s, scroll down 5, "
                + "wait for \"Save As\", wait until \"Saving\" disappears, drag \"a.txt\" to \"Trash\", "
                + "switch to Mousepad, read the display").orElseThrow();

        assertThat(((Plan.Act) plan).actions()).extracting(PlannedAction::action).containsExactly(
                new Action.Launch("calculator"),
                new Action.Click(Target.of(new Locator.ScreenText("7"))),
                new Action.Click(Target.of(new Locator.ScreenText("notes.txt")), Action.Click.Button.DOUBLE),
                new Action.Click(Target.of(new Locator.Point(10, 20)), Action.Click.Button.RIGHT),
                new Action.Click(Target.of(new Locator.Image("ok.png", 0.9, 0, 0))),
                new Action.Type(Target.of(new Locator.Window("editor")), "a, then b", false),
                new Action.PressKey("ctrl+s"),
                new Action.Scroll(Optional.empty(), Action.Scroll.Direction.DOWN, 5),
                new Action.WaitFor(new Condition.TextShown("Save As"), Duration.ofSeconds(15)),
                new Action.WaitFor(new Condition.TextGone("Saving"), Duration.ofSeconds(15)),
                new Action.Drag(Target.of(new Locator.ScreenText("a.txt")), Target.of(new Locator.ScreenText("Trash"))),
                new Action.FocusWindow("Mousepad"),
                new Action.Extract(Optional.of(Target.of(new Locator.Focused())), Action.Extract.What.TEXT));
    }

    @Test
    void typingWithoutAPlaceGoesWhereTheFocusIs() {
        assertThat(DesktopCommands.action("type \"12+34=\"")).contains(
                new Action.Type(Target.of(new Locator.Focused()), "12+34=", false));
        assertThat(DesktopCommands.action("press Enter in Mousepad")).contains(
                new Action.PressKey(Optional.of(Target.of(new Locator.Window("Mousepad"))), "Enter"));
    }

    @Test
    void aRequestWithAClauseItDoesNotKnowIsNotPlannedHalfway() {
        assertThat(auto.plan("open the calculator, then make it purple")).isEmpty();
        assertThat(DesktopCommands.help("make it purple")).contains("did not understand").contains("open the calculator");
    }

    @Test
    void theCommandPlannerHandsDesktopRequestsOver() {
        CommandPlanner planner = new CommandPlanner(SiteDirectory.NONE, auto);

        Plan plan = planner.next(new dev.deft.core.PlanContext("run", "launch mousepad", null, List.of(), 1));
        Plan after = planner.next(new dev.deft.core.PlanContext("run", "launch mousepad", null, List.of(
                new dev.deft.core.StepResult(1, new Action.Launch("mousepad"), dev.deft.core.RiskClass.SUBMIT,
                        dev.deft.core.Outcome.done("Launched mousepad."))), 2));

        assertThat(((Plan.Act) plan).actions().get(0).action()).isEqualTo(new Action.Launch("mousepad"));
        assertThat(((Plan.Act) after).actions().get(0).action()).isInstanceOf(Action.Finish.class);
    }
}
