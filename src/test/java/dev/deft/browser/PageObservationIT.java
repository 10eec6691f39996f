package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Deft perceives on a page: names, states, frames, shadow roots, stable numbers, and a bounded rendering. */
class PageObservationIT {
    private static DemoBrowser browser;

    @BeforeAll
    static void start() {
        browser = DemoBrowser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private PageObservation checkout() {
        browser.open("shop/?reset=1");
        browser.must(new Action.Click(Target.byText("Add to cart").or(new dev.deft.core.Locator.Css("button[data-id=pen]"))));
        browser.open("shop/checkout.html");
        return browser.page();
    }

    @Test
    void seesFieldsInsideTheSameOriginIframeWithTheirLabelsAndPlacesThem() {
        PageObservation page = checkout();

        PageElement frame = page.pageElements().stream().filter(e -> e.role().equals("frame")).findFirst().orElseThrow();
        PageElement card = page.pageElements().stream().filter(e -> e.name().equals("Card number")).findFirst().orElseThrow();
        assertThat(frame.name()).isEqualTo("Secure card payment");
        assertThat(card.frame()).containsExactly(frame.number());
        assertThat(card.placeholder()).isEqualTo("1234 1234 1234 1234");
        assertThat(card.box().y()).isGreaterThan(frame.box().y());
        assertThat(page.render(PageObservation.DEFAULT_BUDGET)).contains("textbox \"Card number\"")
                .contains("[in frame #" + frame.number() + "]");
    }

    @Test
    void typesIntoAnIframeFieldFoundByItsNumber() {
        PageObservation page = checkout();
        int number = page.pageElements().stream().filter(e -> e.name().equals("Expiry")).findFirst().orElseThrow().number();

        browser.must(new Action.Type(Target.byNumber(number), "11/29"));

        assertThat(browser.page().element(number).flatMap(PageElement::value)).contains("11/29");
    }

    @Test
    void elementsKeepTheirNumbersBetweenStepsAndNewOnesGetNewNumbers() {
        browser.open("shop/?reset=1");
        browser.must(new Action.WaitFor(new Condition.TextShown("Blue Teapot"), Duration.ofSeconds(5)));
        PageObservation before = browser.page();
        int search = before.pageElements().stream().filter(e -> e.name().equals("Search")).findFirst().orElseThrow().number();
        int pen = before.pageElements().stream().filter(e -> e.name().equals("Add to cart") && e.context().equals("Fountain Pen"))
                .findFirst().orElseThrow().number();

        browser.must(new Action.Click(Target.byNumber(pen)));
        PageObservation after = browser.page();

        assertThat(after.element(search)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("Search"));
        assertThat(after.element(pen)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("Added ✓"));
    }

    @Test
    void aNumberFromAPageThatIsGoneIsRefusedNotReused() {
        browser.open("mail/compose.html");
        int to = browser.page().pageElements().stream().filter(e -> e.name().equals("To")).findFirst().orElseThrow().number();
        browser.open("account/");

        Outcome outcome = new BrowserActuatorProbe(browser).typeIntoStale(to);

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).startsWith("Element #" + to + " was on a page that is gone");
    }

    @Test
    void rendersWithinItsBudgetKeepingWhatMatchesTheRequestAndSayingWhatWasCut() {
        browser.open("lab/elements.html?n=600");
        PageObservation page = browser.page();

        String text = page.render(2_000, "note for item 598");

        assertThat(text.length()).isLessThanOrEqualTo(2_000);
        assertThat(text).contains("Note for item 598").contains("Not shown:").contains("off-screen");
        assertThat(page.render(PageObservation.DEFAULT_BUDGET).length()).isLessThanOrEqualTo(PageObservation.DEFAULT_BUDGET);
    }

    @Test
    void scrollsThePageAndBringsAnElementIntoView() {
        browser.open("lab/elements.html?n=400");
        assertThat(browser.page().scroll().y()).isZero();

        Outcome.Done down = browser.must(new Action.Scroll(Optional.empty(), Action.Scroll.Direction.DOWN, 0));
        assertThat(browser.page().scroll().y()).isPositive();
        assertThat(down.detail()).startsWith("Scrolled down to");
        Outcome.Done to = browser.must(new Action.Scroll(Optional.of(Target.byText("Add item 397")), null, 0));

        assertThat(to.detail()).endsWith("it is in view.");
        assertThat(browser.page().pageElements()).filteredOn(e -> e.name().equals("Add item 397"))
                .singleElement().satisfies(e -> assertThat(e.inView()).isTrue());
    }

    @Test
    void readsATableAsRowsAndTheMainText() {
        browser.open("shop/guide.html");

        Outcome.Done table = browser.must(new Action.Extract(Optional.empty(), Action.Extract.What.TABLE));
        Outcome.Done main = browser.must(new Action.Extract(Optional.empty(), Action.Extract.What.MAIN_TEXT));

        assertThat(table.value()).contains("[[\"Product\",\"Size\",\"Care\"],[\"Blue Teapot\",\"1.1 l\",\"Dishwasher\"],"
                + "[\"Linen Cushion\",\"45 × 45 cm\",\"Wash at 40 °C\"],[\"Wool Blanket\",\"130 × 180 cm\",\"Dry flat\"]]");
        assertThat(main.value()).hasValueSatisfying(text -> assertThat(text).startsWith("Size and care guide")
                .contains("Dry wool flat."));
    }

    @Test
    void waitsForAnElementThatJavaScriptAddsLater() {
        browser.open("mail/");

        Outcome.Done shown = browser.must(new Action.WaitFor(
                new Condition.ElementShown(Target.byText("Lunch on Friday?")), Duration.ofSeconds(5)));

        assertThat(shown.detail()).contains("link \"Lunch on Friday?\"");
    }

    @Test
    void passwordsAreObservedOnlyAsDots() {
        browser.open("account/");
        browser.must(new Action.Type(Target.byLabel("Password"), "hunter22"));

        assertThat(browser.page().render(PageObservation.DEFAULT_BUDGET)).doesNotContain("hunter22").contains("••••••••");
    }
}
