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
import org.junit.jupiter.api.Test;

/** The command planner reads a request against the page: the page's own words and boxes decide what is meant. */
class PageWordsTest {
    private final CommandPlanner planner = new CommandPlanner();
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

    private static BoxedPage invoices() {
        return new BoxedPage()
                .open().text("INV-7").text("Lund").link("Archive").close()
                .open().text("INV-8").text("Malmö").link("Archive").close()
                .open().text("INV-9").text("Växjö").link("Archive").close();
    }

    @Test
    void aThingNamedWithinAnotherIsFoundInTheRowOfThatOther() {
        BoxedPage page = invoices();

        Action click = actions(next("click the Archive link on the invoice from Malmö", page)).get(0);

        assertThat(number(click)).isEqualTo(page.allNamed("Archive").get(1).number());
    }

    @Test
    void thePossessiveAndTheFieldOfAProductNameTheCard() {
        BoxedPage shop = new BoxedPage()
                .open().text("Blue kettle").field("Quantity").button("Add").close()
                .open().text("Red kettle").field("Quantity").button("Add").close();

        Action typed = actions(next("set the red kettle's quantity to 3", shop)).get(0);
        assertThat(typed).isInstanceOf(Action.Type.class);
        assertThat(number(typed)).isEqualTo(shop.allNamed("Quantity").get(1).number());

        PageWordsTest other = new PageWordsTest();
        Action priced = actions(other.next("type 2 into the quantity field of the blue kettle", shop)).get(0);
        assertThat(number(priced)).isEqualTo(shop.allNamed("Quantity").get(0).number());
    }

    @Test
    void itsPointsBackAtTheThingFoundBefore() {
        BoxedPage book = new BoxedPage()
                .open().text("Ines Ito").holding("text", "Phone", false).link("555-0101").close().link("ines@example.org").close()
                .open().text("Ravi Rao").link("555-0199").link("ravi@example.org").close();
        String request = "find Ravi Rao and click his 555-0199";

        Plan find = next(request, book);
        assertThat(actions(find).get(0)).isInstanceOf(Action.Scroll.class);
        done(find);
        Action click = actions(next(request, book)).get(0);

        assertThat(number(click)).isEqualTo(book.named("555-0199").number());
    }

    @Test
    void ofEqualsTheOneWithTheThingFoundBeforeIsMeant() {
        BoxedPage inbox = new BoxedPage()
                .open().text("Ana").text("Lunch on Friday").element("text", "star", true).close()
                .open().text("Bo").text("Minutes").element("text", "star", true).close();
        String request = "find the mail by Bo and click the star icon";

        done(next(request, inbox));
        Action star = actions(next(request, inbox)).get(0);

        assertThat(number(star)).isEqualTo(inbox.allNamed("star").get(1).number());
    }

    @Test
    void aKindAloneNamesTheOneThingOfThatKindOrTheNthOfThem() {
        BoxedPage one = new BoxedPage().text("Answer:").field("").button("Go");
        assertThat(actions(next("type hello into the text box", one)).get(0))
                .isEqualTo(new Action.Type(Grounded.target(one.elements().get(1)), "hello"));

        BoxedPage two = new BoxedPage().field("", "text").field("", "text").field("", "text");
        assertThat(number(actions(new PageWordsTest().next("enter 27 in the 3rd textbox", two)).get(0))).isEqualTo(3);
        Plan which = new PageWordsTest().next("type 5 into the text field", two);
        assertThat(which).isInstanceOf(Plan.GiveUp.class);
        assertThat(which.thought()).contains("equally");
    }

    @Test
    void ofAControlAndAWrapperOfTheSameNameTheControlIsClicked() {
        BoxedPage page = new BoxedPage().holding("text", "Save draft", true).button("Save draft").close();

        Action click = actions(next("click Save draft", page)).get(0);

        assertThat(number(click)).isEqualTo(2);
    }

    @Test
    void aVerbWithNoRuleIsTheNameOfWhatItClicks() {
        BoxedPage page = new BoxedPage().field("Email").button("Sign up").link("Create invoice");

        assertThat(number(actions(next("sign me up", page)).get(0))).isEqualTo(2);
        assertThat(number(actions(new PageWordsTest().next("create invoice", page)).get(0))).isEqualTo(3);
        Plan none = new PageWordsTest().next("book me a flight", page);
        assertThat(none).isInstanceOf(Plan.GiveUp.class);
        assertThat(none.thought()).contains("did not understand");
    }

    @Test
    void aFieldNamedAndAValueAreReadFromTheClauseTheControlDecidingTheAction() {
        BoxedPage form = new BoxedPage().field("Surname").checkbox("Newsletter").list("Country", "Denmark", "Sweden");

        assertThat(actions(next("Surname Ito", form)).get(0)).isEqualTo(new Action.Type(Grounded.target(form.named("Surname")), "Ito"));
        assertThat(actions(new PageWordsTest().next("newsletter off", form)).get(0))
                .isEqualTo(new Action.SetChecked(Grounded.target(form.named("Newsletter")), false));
        assertThat(actions(new PageWordsTest().next("set country to sweden", form)).get(0))
                .isEqualTo(new Action.Select(Grounded.target(form.named("Country")), "Sweden"));
    }

    @Test
    void severalFieldsNamedInOneClauseEachTakeTheWordsBesideThem() {
        BoxedPage form = new BoxedPage().field("Given name").field("Family name").field("Post code").field("Town")
                .list("Country", "Norway", "Finland");

        assertThat(actions(next("given name Liv, family name Berge Dahl, country finland", form))).containsExactly(
                new Action.Type(Grounded.target(form.named("Given name")), "Liv"),
                new Action.Type(Grounded.target(form.named("Family name")), "Berge Dahl"),
                new Action.Select(Grounded.target(form.named("Country")), "Finland"));
        assertThat(actions(new PageWordsTest().next("the town is Tromsø and the post code is 9008", form))).containsExactly(
                new Action.Type(Grounded.target(form.named("Town")), "Tromsø"),
                new Action.Type(Grounded.target(form.named("Post code")), "9008"));
        assertThat(actions(new PageWordsTest().next("Dahl as my family name", form)))
                .containsExactly(new Action.Type(Grounded.target(form.named("Family name")), "Dahl"));
    }

    @Test
    void wordsThatAreNeitherNameNorValueAreNotTyped() {
        BoxedPage form = new BoxedPage().field("Street").field("Nickname");

        Plan unsure = next("label this street Home", form);
        Plan vague = new PageWordsTest().next("street something plausible", form);

        assertThat(unsure).as(unsure.thought()).isInstanceOf(Plan.GiveUp.class);
        assertThat(vague).as(vague.thought()).isInstanceOf(Plan.GiveUp.class);
    }

    @Test
    void aValueThatRunsIntoWordsOfAnotherFieldIsNotTyped() {
        BoxedPage card = new BoxedPage().field("Card number").field("Valid until").field("Security code");
        BoxedPage address = new BoxedPage().field("Street").field("Town or city").field("Postal code");

        Plan runOn = next("card number 5500 0000 0000 0004, good thru 11/29, security code 321", card);
        Plan otherField = new PageWordsTest().next("street 14 Rue Haute town Namur, postal code 5000", address);

        assertThat(runOn).as(runOn.thought()).isInstanceOf(Plan.GiveUp.class);
        assertThat(otherField).as(otherField.thought()).isInstanceOf(Plan.GiveUp.class);
        assertThat(actions(new PageWordsTest().next("street \"Rue Haute 14, Namur\", postal code 5000", address)))
                .containsExactly(new Action.Type(Grounded.target(address.named("Street")), "Rue Haute 14, Namur"),
                        new Action.Type(Grounded.target(address.named("Postal code")), "5000"));
    }

    @Test
    void severalToChooseAreSplitWhereThePageHasThemAsSeveral() {
        BoxedPage page = new BoxedPage().listbox("Countries", "Heard Island and McDonald Islands", "Nicaragua", "Niger");

        List<Action> chosen = actions(next("select Heard Island and McDonald Islands, Nicaragua from the list", page));

        assertThat(chosen).extracting(a -> ((Action.Select) a).option())
                .containsExactly("Heard Island and McDonald Islands", "Nicaragua");
    }

    @Test
    void theBoxesOfAFormAreSetBeforeItsButtonSendsIt() {
        BoxedPage login = new BoxedPage().open().field("Username").field("Password", "password")
                .checkbox("Keep me signed in").button("Sign in").close();

        List<Action> first = actions(next("log in as kit with password pw1 and tick keep me signed in", login));

        assertThat(first).singleElement().isInstanceOf(Action.SetChecked.class);
    }

    @Test
    void aFormsOneButtonIsWhatSendsItWhateverTheRequestCallsIt() {
        BoxedPage login = new BoxedPage().open().field("Username").field("Password", "password").button("OK").close();
        String request = "type kit into the username field and press login";

        done(next(request, login));
        Action press = actions(next(request, login)).get(0);

        assertThat(number(press)).isEqualTo(login.named("OK").number());
    }

    @Test
    void aDescriptionByMeaningIsNamedAsSomethingItCannotDoBeforeAnythingIsDone() {
        BoxedPage page = new BoxedPage().checkbox("brave").checkbox("timid").button("Submit");

        Plan plan = next("select words similar to bold and click Submit", page);

        assertThat(plan).isInstanceOf(Plan.GiveUp.class);
        assertThat(plan.thought()).contains("cannot").contains("model");
    }

    @Test
    void aDescriptionBySpellingIsChosenFromWhatThePageOffers() {
        BoxedPage page = new BoxedPage().list("City", "Berlin", "Bern", "Kandana", "Karlstad");

        Action chosen = actions(next("enter a city that starts with 'Ka' and ends with 'na' into the city field", page)).get(0);

        assertThat(chosen).isEqualTo(new Action.Select(Grounded.target(page.named("City")), "Kandana"));
    }

    @Test
    void aWordReadIsWhatThatAndItPointBackAt() {
        BoxedPage page = new BoxedPage().element("paragraph", "Lorem ipsum dolor sit", false).field("Answer");
        String request = "find the 3rd word in the paragraph and type it into the answer field";

        Plan settle = next(request, page);
        done(settle);
        Action read = actions(next(request, page)).get(0);
        assertThat(read).isInstanceOf(Action.Extract.class);
        history.add(new StepResult(history.size() + 1, read, RiskClass.READ, Outcome.read("Lorem ipsum dolor sit", "read")));
        Action typed = actions(next(request, page)).get(0);

        assertThat(typed).isEqualTo(new Action.Type(Grounded.target(page.named("Answer")), "dolor"));
    }

    @Test
    void aWaitOfSecondsIsWaitedAndTheNextStepFollowsItAtOnce() {
        BoxedPage page = new BoxedPage().button("ONE").button("TWO");
        String request = "click button ONE, wait 2 seconds, then click button TWO";

        Plan one = next(request, page);
        assertThat(number(actions(one).get(0))).isEqualTo(1);
        done(one);
        List<Action> waitThenTwo = actions(next(request, page));

        assertThat(waitThenTwo).hasSize(2);
        assertThat(((Action.WaitFor) waitThenTwo.get(0)).condition()).isEqualTo(new dev.deft.core.Condition.Elapsed(
                java.time.Duration.ofSeconds(2)));
        assertThat(number(waitThenTwo.get(1))).isEqualTo(2);
    }
}
