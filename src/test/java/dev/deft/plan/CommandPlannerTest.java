package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.RiskClass;
import dev.deft.core.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandPlannerTest {
    private final CommandPlanner planner = new CommandPlanner(SiteDirectory.of(Map.of("shop", "http://127.0.0.1:9/shop/")));
    private final List<StepResult> history = new ArrayList<>();

    private Plan next(String request, Observation page) {
        return planner.next(new PlanContext("r", request, page, history, history.size() + 1));
    }

    private void done(Plan plan) {
        for (var planned : ((Plan.Act) plan).actions()) {
            history.add(new StepResult(history.size() + 1, planned.action(), RiskClass.READ, Outcome.done("ok")));
        }
    }

    private static List<Action> actions(Plan plan) {
        assertThat(plan).as(plan.thought()).isInstanceOf(Plan.Act.class);
        return ((Plan.Act) plan).actions().stream().map(p -> p.action()).toList();
    }

    private static int number(Action action) {
        return ((Locator.ElementNumber) action.target().orElseThrow().primary()).number();
    }

    @Test
    void aSiteByNameOrAddressIsOpenedAndThenTheRunFinishes() {
        Plan open = next("open the shop", Observation.NONE);
        assertThat(actions(open)).containsExactly(new Action.OpenUrl("http://127.0.0.1:9/shop/"));
        done(open);

        Plan settle = next("open the shop", new ElementsPage());
        assertThat(actions(settle)).singleElement().isInstanceOf(Action.WaitFor.class);
        done(settle);

        assertThat(actions(next("open the shop", new ElementsPage()))).singleElement().isInstanceOf(Action.Finish.class);
    }

    @Test
    void theCheapestIsChosenByThePricesOnTheCards() {
        ElementsPage results = new ElementsPage()
                .link("USB-C cable 2 m", "USB-C cable 2 m").text("$9.99", "USB-C cable 2 m").button("Add to cart", "USB-C cable 2 m")
                .link("USB cable 1 m", "USB cable 1 m").text("$4.49", "USB cable 1 m").button("Add to cart", "USB cable 1 m")
                .link("USB hub", "USB hub").text("$19.00", "USB hub").button("Add to cart", "USB hub");

        Action add = actions(next("add the cheapest to the cart", results)).get(0);

        assertThat(add).isInstanceOf(Action.Click.class);
        assertThat(number(add)).isEqualTo(6);
    }

    @Test
    void theCheapestIsReadFromPricesWrittenTheEuropeanWay() {
        ElementsPage results = new ElementsPage()
                .link("Kettle", "Kettle").text("12,00 €", "Kettle").button("Add to cart", "Kettle")
                .link("Teapot", "Teapot").text("7,99 €", "Teapot").button("Add to cart", "Teapot")
                .link("Toaster", "Toaster").text("1.299,00 €", "Toaster").button("Add to cart", "Toaster");

        Action add = actions(next("add the cheapest to the cart", results)).get(0);

        assertThat(number(add)).isEqualTo(6);
    }

    @Test
    void twoEqualCandidatesAreNamedNotGuessed() {
        ElementsPage results = new ElementsPage().button("Add to cart", "USB cable").button("Add to cart", "HDMI cable");

        Plan plan = next("click Add to cart", results);

        assertThat(plan).isInstanceOf(Plan.GiveUp.class);
        assertThat(plan.thought()).contains("USB cable").contains("HDMI cable").contains("equally");
    }

    @Test
    void aLoginFillsTheUserAndPasswordAndPressesSignIn() {
        ElementsPage login = new ElementsPage().field("Email", "").field("Password", "").button("Sign in", "Log in");

        List<Action> steps = actions(next("log in as kasey@example.org with the password kept as shop", login));

        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).isEqualTo(new Action.Type(Grounded.target(login.elements().get(0)), "kasey@example.org"));
        assertThat(((Action.Type) steps.get(1)).text()).isEqualTo("{{secret:shop}}");
        assertThat(number(steps.get(2))).isEqualTo(3);
    }

    @Test
    void aTypoInAFieldNameStillFindsIt() {
        ElementsPage form = new ElementsPage().field("First name", "").field("Last name", "").field("Email address", "");

        assertThat(number(actions(next("type \"Kasey\" into the frist name field", form)).get(0))).isEqualTo(1);
    }

    @Test
    void aFieldThatDoesNotHoldWhatWasTypedIsTriedAgainThenReported() {
        ElementsPage form = new ElementsPage().field("Email", "");
        Plan first = next("fill email with bob@example.org", form);
        done(first);
        ElementsPage stillWrong = new ElementsPage().field("Email", "bob@");

        Plan again = next("fill email with bob@example.org", stillWrong);
        assertThat(actions(again)).singleElement().isInstanceOf(Action.Type.class);
        done(again);
        Plan giveUp = next("fill email with bob@example.org", stillWrong);

        assertThat(giveUp).isInstanceOf(Plan.GiveUp.class);
        assertThat(giveUp.thought()).contains("holds \"bob@\"");
    }

    @Test
    void aThingNotThereYetIsWaitedForOnceThenReportedWithTheClosest() {
        ElementsPage page = new ElementsPage().button("Add to list", "").link("Home", "");

        Plan wait = next("click \"Add to cart\"", page);
        assertThat(actions(wait)).singleElement().isInstanceOf(Action.WaitFor.class);
        history.add(new StepResult(1, actions(wait).get(0), RiskClass.READ, Outcome.failed("not shown in 5 s")));
        Plan after = next("click \"Add to cart\"", page);

        assertThat(after).isInstanceOf(Plan.GiveUp.class);
        assertThat(after.thought()).contains("Nothing here matches \"Add to cart\"").contains("closest: \"Add to list\"");
    }

    @Test
    void severalBoxesAreCheckedAndAListChoiceIsMade() {
        ElementsPage form = new ElementsPage().checkbox("Red", false).checkbox("Green", false).checkbox("Blue", false)
                .list("Shipping", "Standard", "Express");

        assertThat(actions(next("check red and green", form)))
                .containsExactly(new Action.SetChecked(Grounded.target(form.elements().get(0)), true),
                        new Action.SetChecked(Grounded.target(form.elements().get(1)), true));
        assertThat(actions(new CommandPlanner().next(new PlanContext("r", "choose express from the shipping list", form,
                List.of(), 1)))).containsExactly(new Action.Select(Grounded.target(form.elements().get(3)), "Express"));
    }

    @Test
    void whatItCannotDoItSaysHonestlyWithoutActing() {
        for (String request : List.of("book me a flight to Mumbai", "qwpoeiru zxmcvn", "")) {
            Plan plan = new CommandPlanner().next(new PlanContext("r", request, Observation.NONE, List.of(), 1));
            assertThat(plan).as(request).isInstanceOf(Plan.GiveUp.class);
            assertThat(plan.thought()).contains("did not understand");
        }
    }

    @Test
    void aReadValueBecomesTheSummary() {
        ElementsPage product = new ElementsPage().text("USB cable 1 m", "").text("$4.49", "");
        Plan settle = next("read the price", product);
        assertThat(actions(settle)).singleElement().isInstanceOf(Action.WaitFor.class);
        done(settle);
        Plan read = next("read the price", product);
        Action extract = actions(read).get(0);
        history.add(new StepResult(history.size() + 1, extract, RiskClass.READ, Outcome.read("$4.49", "read")));

        Plan finish = next("read the price", product);

        assertThat(actions(finish)).containsExactly(Action.Finish.done("$4.49"));
    }
}
