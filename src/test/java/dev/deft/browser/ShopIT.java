package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import dev.deft.demo.DemoRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop, end to end in headless Chromium: finding things by what a person sees, filling a cart, paying. */
class ShopIT {
    private static DemoBrowser browser;

    @BeforeAll
    static void start() {
        browser = DemoBrowser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void emptyCart() {
        browser.server.reset();
        browser.server.slowApi(Duration.ZERO);
        browser.open("shop/?reset=1");
    }

    @Test
    void findsProductsThatAppearOnlyAfterTheyLoadWithoutSleeping() {
        Outcome.Done clicked = browser.must(new Action.Click(Target.byText("Blue Teapot")));

        assertThat(clicked.detail()).contains("link \"Blue Teapot\"");
        browser.must(new Action.WaitFor(new Condition.TextShown("stoneware teapot"), Duration.ofSeconds(5)));
        assertThat(browser.page().url()).endsWith("/shop/product.html?id=teapot");
        assertThat(browser.page().title()).isEqualTo("Blue Teapot – Deft Shop");
    }

    @Test
    void anAmbiguousTargetFailsNamingBothCandidates() {
        Outcome outcome = browser.actuator.perform(new Action.Click(Target.byText("Add to cart")), Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail())
                .contains("is ambiguous")
                .contains("button \"Add to cart\" in \"Blue Teapot\"")
                .contains("button \"Add to cart\" in \"Steel Kettle\"");
    }

    @Test
    void theHeadingOfItsCardTellsApartButtonsThatLookTheSame() {
        browser.must(new Action.WaitFor(new Condition.TextShown("Steel Kettle"), Duration.ofSeconds(5)));

        Outcome.Done clicked = browser.must(new Action.Click(Target.of(new Locator.Text("Add to cart"),
                new Locator.NearText("Steel Kettle"))));

        assertThat(clicked.detail()).contains("button \"Add to cart\" in \"Steel Kettle\"");
        assertThat(browser.page().pageElements()).anyMatch(e -> e.name().equals("Cart (1)"));
    }

    @Test
    void theWordsNearAThingAloneDoNotSayWhichThingItIs() {
        browser.must(new Action.WaitFor(new Condition.TextShown("Steel Kettle"), Duration.ofSeconds(5)));

        Outcome outcome = browser.actuator.perform(new Action.Click(Target.of(new Locator.NearText("Steel Kettle"))),
                Guards.admitAll());

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).contains("that alone does not say which element");
        assertThat(browser.page().pageElements()).noneMatch(e -> e.name().equals("Cart (1)"));
    }

    @Test
    void aMissingElementFailsAfterItsTimeoutWithTheClosestCandidate() {
        long started = System.nanoTime();
        Outcome outcome = browser.actuator.perform(new Action.Click(Target.byText("Add to basket now")), Guards.admitAll());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.detail()).startsWith("Waited 4 s for the element text \"Add to basket now\"")
                .contains("closest:");
        assertThat(millis).isBetween(3_900L, 9_000L);
    }

    @Test
    void searchesWithTheIconButtonThatHasOnlyAnAriaLabel() {
        browser.must(new Action.Type(Target.byPlaceholder("Search products"), "kettle"));
        browser.must(new Action.Click(Target.byName("Search")));

        browser.must(new Action.WaitFor(new Condition.TextShown("1 results for \"kettle\""), Duration.ofSeconds(5)));
        assertThat(browser.page().url()).contains("q=kettle");
    }

    @Test
    void pressingEnterInTheSearchFieldSubmitsIt() {
        browser.must(new Action.Type(Target.byPlaceholder("Search products"), "lamp"));
        browser.must(new Action.PressKey(Optional.of(Target.byPlaceholder("Search products")), "Enter"));

        browser.must(new Action.WaitFor(new Condition.UrlContains("q=lamp"), Duration.ofSeconds(5)));
        browser.must(new Action.WaitFor(new Condition.TextShown("Desk Lamp"), Duration.ofSeconds(5)));
    }

    @Test
    void hoveringOpensTheCategoriesMenu() {
        assertThat(browser.page().pageElements()).noneMatch(e -> e.name().equals("Office"));

        browser.must(new Action.Hover(Target.byText("Categories ▾")));
        browser.must(new Action.Click(Target.byText("Office")));

        browser.must(new Action.WaitFor(new Condition.TextShown("Dotted Notebook"), Duration.ofSeconds(5)));
        assertThat(browser.page().url()).contains("category=Office");
    }

    @Test
    void subscribesThroughTheNewsletterInAShadowRoot() {
        browser.must(new Action.Type(Target.byLabel("Email for offers"), "ann@example.com"));
        browser.must(new Action.Click(Target.byText("Subscribe")));

        browser.must(new Action.WaitFor(new Condition.TextShown("Thanks, ann@example.com is subscribed."),
                Duration.ofSeconds(3)));
    }

    @Test
    void buysTwoThingsAndTheServerRecordsTheOrderWithItsAmount() {
        browser.open("shop/product.html?id=lamp");
        browser.must(new Action.Type(Target.byLabel("Quantity"), "2"));
        browser.must(new Action.Click(Target.byText("Add to cart")));
        browser.must(new Action.WaitFor(new Condition.TextShown("2 × Desk Lamp added"), Duration.ofSeconds(3)));
        browser.open("shop/product.html?id=mug");
        browser.must(new Action.Click(Target.byText("Add to cart")));
        browser.must(new Action.Click(Target.byText("Cart (3)")));
        browser.must(new Action.Click(Target.byText("Go to checkout")));
        browser.must(new Action.Type(Target.byLabel("Name on card"), "Ann Example"));
        browser.must(new Action.Type(Target.byLabel("Card number"), "4242 4242 4242 4242"));
        browser.must(new Action.Type(Target.byPlaceholder("MM / YY"), "12/30"));
        browser.must(new Action.Type(Target.byLabel("Security code"), "123"));

        browser.must(new Action.Click(Target.byText("Place order")));

        browser.must(new Action.WaitFor(new Condition.TextShown("Thank you! Order #1001"), Duration.ofSeconds(5)));
        DemoRecord.Order order = browser.server.record().orders().get(0);
        assertThat(order.amount()).isEqualByComparingTo(new BigDecimal("98.50"));
        assertThat(order.lines()).extracting(DemoRecord.Line::product, DemoRecord.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lamp", 2), org.assertj.core.groups.Tuple.tuple("mug", 1));
        assertThat(order.cardLast4()).isEqualTo("4242");
        assertThat(order.name()).isEqualTo("Ann Example");
    }

    @Test
    void theLookAfterAClickWaitsForWhatTheClickSentToTheServer() {
        browser.must(new Action.Click(Target.byText("Blue Teapot")));
        browser.must(new Action.Click(Target.byText("Add to cart")));
        browser.must(new Action.Click(Target.byText("Cart (1)")));
        browser.must(new Action.Click(Target.byText("Go to checkout")));
        browser.must(new Action.Type(Target.byLabel("Name on card"), "Ann Example"));
        browser.must(new Action.Type(Target.byLabel("Card number"), "4242 4242 4242 4242"));
        browser.must(new Action.Type(Target.byPlaceholder("MM / YY"), "12/30"));
        browser.must(new Action.Type(Target.byLabel("Security code"), "123"));
        browser.server.slowApi(Duration.ofMillis(1200));

        Outcome.Done ordered = browser.must(new Action.Click(Target.byText("Place order")));

        // no wait-for: the observation the loop gets next already shows the server's answer
        assertThat(ordered.detail()).contains("Thank you! Order #1001");
        assertThat(browser.page().digest()).contains("Thank you! Order #1001");
    }

    @Test
    void theLookAfterANavigationWaitsForWhatTheNewPageAsksTheServerWhileItLoads() {
        browser.must(new Action.Click(Target.byText("Blue Teapot")));
        browser.must(new Action.Click(Target.byText("Add to cart")));
        browser.server.slowApi(Duration.ofMillis(1200));

        browser.must(new Action.Click(Target.byText("Cart (1)")));

        // the cart's lines come from the catalogue the cart page fetches as it loads
        assertThat(browser.page().url()).endsWith("/shop/cart.html");
        assertThat(browser.page().elements()).extracting(dev.deft.core.ObservedElement::name)
                .contains("Remove Blue Teapot", "Go to checkout");
    }
}
