package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.Target;
import dev.deft.demo.DemoServer;
import dev.deft.plan.CommandPlanner;
import dev.deft.safety.RiskRules;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo sites' irreversible controls, seen the way Deft sees them in a real browser: each is classed right from
 * its words and its form, and with approval refused none of them leaves a trace on the server.
 */
class RiskyControlsIT {
    private static DemoBrowser browser;
    private final RiskRules rules = new RiskRules();
    private final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        browser = DemoBrowser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void freshSites() {
        browser.server.reset();
        browser.open("shop/?reset=1");
    }

    /** The control as a planner names it: by its number on the page, with its name. */
    private Target control(String name) {
        ObservedElement element = browser.page().elements().stream()
                .filter(e -> e.interactive() && e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no control \"" + name + "\" on " + browser.page().url()));
        return Target.byNumber(element.number()).or(new Locator.Name(name));
    }

    private RiskClass classOf(String name) {
        return rules.classify(new Action.Click(control(name)), browser.page());
    }

    private Map<String, String> payloadOf(String name) {
        return rules.payload(new Action.Click(control(name)), browser.page());
    }

    private void fillCheckout() {
        browser.open("shop/product.html?id=lamp");
        browser.must(new Action.Click(Target.byText("Add to cart")));
        browser.open("shop/checkout.html");
        browser.must(new Action.Type(Target.byLabel("Name on card"), "Ann Example"));
        browser.must(new Action.Type(Target.byLabel("Card number"), "4242 4242 4242 4242"));
        browser.must(new Action.Type(Target.byPlaceholder("MM / YY"), "12/30"));
        browser.must(new Action.Type(Target.byLabel("Security code"), "123"));
    }

    private void fillMail() {
        browser.open("mail/compose.html");
        browser.must(new Action.Type(Target.byLabel("To"), "bob@example.com"));
        browser.must(new Action.Type(Target.byLabel("Subject"), "Picnic"));
        browser.must(new Action.Type(Target.byLabel("Message"), "Sunday at noon?"));
    }

    private void signIn(String page) {
        browser.open("account/");
        browser.must(new Action.Type(Target.byLabel("User name"), DemoServer.USER));
        browser.must(new Action.Type(Target.byLabel("Password"), DemoServer.FIRST_PASSWORD));
        browser.must(new Action.Click(Target.byText("Sign in")));
        browser.must(new Action.WaitFor(new Condition.TextShown("Signed in as demo"), Duration.ofSeconds(5)));
        browser.open(page);
        browser.must(new Action.WaitFor(new Condition.Settled(Duration.ofMillis(500)), Duration.ofSeconds(5)));
    }

    private void fillTransfer() {
        signIn("account/transfer.html");
        browser.must(new Action.Type(Target.byLabel("Recipient IBAN"), "DE89 3704 0044 0532 0130 00"));
        browser.must(new Action.Type(Target.byLabel("Amount (€)"), "250"));
    }

    @Test
    void placingAnOrderIsPayAndItsCardShowsOnlyTheLastFourDigits() {
        fillCheckout();

        assertThat(classOf("Place order")).isEqualTo(RiskClass.PAY);
        assertThat(payloadOf("Place order")).containsEntry("Card number", "•••• 4242").containsEntry("Security code", "•••")
                .containsEntry("Name on card", "Ann Example").containsValue("You pay €45.00 for 1 items.");
        assertThat(String.join(" ", payloadOf("Place order").values())).doesNotContain("4242 4242").doesNotContain("123");
    }

    @Test
    void sendingAMailIsSendAndTheCardShowsRecipientSubjectAndMessage() {
        fillMail();

        assertThat(classOf("Send")).isEqualTo(RiskClass.SEND);
        assertThat(payloadOf("Send")).containsEntry("To", "bob@example.com").containsEntry("Subject", "Picnic")
                .containsEntry("Message", "Sunday at noon?");
    }

    @Test
    void theAccountsControlsAreClassedByWhatTheyDoAndSavingAProfileIsNotRaised() {
        signIn("account/settings.html");

        assertThat(classOf("Delete account")).isEqualTo(RiskClass.DELETE);
        assertThat(classOf("Change password")).isEqualTo(RiskClass.ACCOUNT);
        assertThat(classOf("Save settings")).isEqualTo(RiskClass.SUBMIT);
        assertThat(classOf("Show advanced options")).isEqualTo(RiskClass.READ);
    }

    @Test
    void aTransferIsPayWithItsAmountOnTheCard() {
        fillTransfer();

        assertThat(classOf("Transfer")).isEqualTo(RiskClass.PAY);
        assertThat(payloadOf("Transfer")).containsEntry("Amount (€)", "250")
                .containsEntry("Recipient IBAN", "DE89 3704 0044 0532 0130 00");
    }

    private RunResult run(String request, boolean approve) {
        AgentLoop loop = new AgentLoop(new CommandPlanner(), List.of(browser.actuator), rules, request2 -> {
            asked.add(request2);
            return CompletableFuture.completedFuture(new ApprovalDecision(approve, "test", Clock.systemUTC().instant()));
        }, List.of(), RunLimits.defaults(), Clock.systemUTC());
        return loop.run("r-" + System.nanoTime(), request, event -> { }, new RunControl());
    }

    @Test
    void withApprovalRefusedNoOrderMailTransferPasswordChangeOrDeletionReachesTheServer() {
        fillCheckout();
        assertThat(run("click Place order", false).status()).isEqualTo(RunStatus.REJECTED);
        fillMail();
        assertThat(run("click Send", false).status()).isEqualTo(RunStatus.REJECTED);
        fillTransfer();
        assertThat(run("press the Transfer button", false).status()).isEqualTo(RunStatus.REJECTED);
        signIn("account/settings.html");
        browser.must(new Action.Type(Target.byLabel("Current password"), DemoServer.FIRST_PASSWORD));
        browser.must(new Action.Type(Target.byLabel("New password"), "a-much-longer-one"));
        assertThat(run("click \"Change password\"", false).status()).isEqualTo(RunStatus.REJECTED);
        assertThat(run("click Delete account", false).status()).isEqualTo(RunStatus.REJECTED);

        assertThat(browser.server.record().isEmpty()).as(browser.server.record().toJson()).isTrue();
        assertThat(asked).extracting(ApprovalRequest::risk)
                .containsExactly(RiskClass.PAY, RiskClass.SEND, RiskClass.PAY, RiskClass.ACCOUNT, RiskClass.DELETE);
    }

    @Test
    void theSameStepApprovedDoesReachTheServer() {
        fillMail();

        assertThat(run("click Send", true).status()).isEqualTo(RunStatus.DONE);

        browser.must(new Action.WaitFor(new Condition.TextShown("Message sent"), Duration.ofSeconds(5)));
        assertThat(browser.server.record().mails()).hasSize(1);
        assertThat(asked).singleElement().satisfies(request -> assertThat(request.payload())
                .containsEntry("To", "bob@example.com").containsEntry("Message", "Sunday at noon?"));
    }

    @Test
    void anAmountChangedOnThePageAfterTheYesIsAskedAgainAndANoStopsIt() {
        fillTransfer();
        AgentLoop loop = new AgentLoop(new CommandPlanner(), List.of(browser.actuator), rules, request -> {
            asked.add(request);
            if (asked.size() == 1) {
                // While the person looks at the card, the page raises the amount.
                browser.must(new Action.Type(Target.byLabel("Amount (€)"), "2500"));
                return CompletableFuture.completedFuture(ApprovalDecision.approve("test", Clock.systemUTC().instant()));
            }
            return CompletableFuture.completedFuture(ApprovalDecision.reject("test", Clock.systemUTC().instant()));
        }, List.of(), RunLimits.defaults(), Clock.systemUTC());

        RunResult result = loop.run("r-changed", "click Transfer", event -> { }, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(asked).extracting(request -> request.payload().get("Amount (€)")).containsExactly("250", "2500");
        assertThat(browser.server.record().transfers()).isEmpty();
    }
}
