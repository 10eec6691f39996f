package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.RiskClass;
import dev.deft.core.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandPlannerTest {
    private final CommandPlanner planner = new CommandPlanner();

    private Plan first(String request) {
        return planner.next(new PlanContext("r", request, null, List.of(), 1));
    }

    private static Action only(Plan plan) {
        assertThat(plan).isInstanceOf(Plan.Act.class);
        return ((Plan.Act) plan).actions().get(0).action();
    }

    @Test
    void finishWithOrWithoutASummary() {
        assertThat(only(first("finish"))).isInstanceOf(Action.Finish.class);
        assertThat(only(first("Done."))).isInstanceOf(Action.Finish.class);
        assertThat(only(first("finish with \"all tidy\""))).isEqualTo(Action.Finish.done("all tidy"));
    }

    @Test
    void openAnAddressWithOrWithoutItsScheme() {
        assertThat(only(first("open example.org"))).isEqualTo(new Action.OpenUrl("https://example.org"));
        assertThat(only(first("go to http://127.0.0.1:8080/shop")))
                .isEqualTo(new Action.OpenUrl("http://127.0.0.1:8080/shop"));
    }

    @Test
    void whatItCannotDoItSaysHonestlyWithoutActing() {
        for (String request : List.of("book me a flight to Mumbai", "qwpoeiru zxmcvn", "open the pod bay doors")) {
            Plan plan = first(request);
            assertThat(plan).as(request).isInstanceOf(Plan.GiveUp.class);
            assertThat(plan.thought()).contains("did not understand").contains(request);
        }
    }

    @Test
    void afterItsStepItFinishesOrGivesUpSayingWhy() {
        Action open = new Action.OpenUrl("https://example.org");
        Plan afterSuccess = planner.next(new PlanContext("r", "open example.org", null,
                List.of(new StepResult(1, open, RiskClass.READ, Outcome.done("opened"))), 2));
        Plan afterFailure = planner.next(new PlanContext("r", "open example.org", null,
                List.of(new StepResult(1, open, RiskClass.READ, Outcome.failed("No browser."))), 2));

        assertThat(only(afterSuccess)).isInstanceOf(Action.Finish.class);
        assertThat(afterFailure).isInstanceOf(Plan.GiveUp.class);
        assertThat(afterFailure.thought()).contains("No browser.");
    }
}
