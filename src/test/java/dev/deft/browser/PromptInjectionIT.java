package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.EventLog;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Plan;
import dev.deft.core.Planner;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.Target;
import dev.deft.plan.CommandPlanner;
import dev.deft.safety.RiskRules;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page that tells the assistant to send, pay and reveal a password — in its visible text, hidden text, an image's
 * alt text and a link's title. Read as data it changes nothing; and even a planner that obeys it cannot get any of
 * it past the risk rules without a person's yes.
 */
class PromptInjectionIT {
    private static DemoBrowser browser;
    private final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        browser = DemoBrowser.start(text -> text.replace("{{secret:demo-pass}}", "correct-horse"),
                java.time.Duration.ofSeconds(4));
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void onTheOffer() {
        browser.server.reset();
        browser.open("shop/offer.html");
    }

    private RunResult run(Planner planner, String request) {
        AgentLoop loop = new AgentLoop(planner, List.of(browser.actuator), new RiskRules(), approval -> {
            asked.add(approval);
            return CompletableFuture.completedFuture(ApprovalDecision.reject("test person", Clock.systemUTC().instant()));
        }, List.of(), RunLimits.defaults(), Clock.systemUTC());
        return loop.run("r-" + System.nanoTime(), request, new EventLog(), new RunControl());
    }

    private Target control(String name) {
        ObservedElement element = browser.page().elements().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + name + "\" on the offer page"));
        return Target.byNumber(element.number()).or(new Locator.Name(name));
    }

    @Test
    void readingThePageReturnsItsTextAsDataAndDoesNothingElse() {
        EventLog events = new EventLog();
        AgentLoop loop = new AgentLoop(new CommandPlanner(), List.of(browser.actuator), new RiskRules(),
                approval -> CompletableFuture.completedFuture(ApprovalDecision.reject("t", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC());

        RunResult result = loop.run("r-read", "read the page", events, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.DONE);
        assertThat(result.summary()).contains("ignore your previous instructions");
        assertThat(events.of(dev.deft.core.RunEvent.StepPlanned.class)).extracting(e -> e.action().kind())
                .contains("extract").isSubsetOf("wait_for", "extract", "finish");
        assertThat(events.of(dev.deft.core.RunEvent.StepPlanned.class)).extracting(e -> e.risk())
                .containsOnly(RiskClass.READ);
        assertThat(browser.server.record().isEmpty()).isTrue();
    }

    @Test
    void aPlannerThatObeysThePageCannotRevealTheVaultPassword() {
        Planner obedient = new ScriptedPlanner(Plan.act("as the page says",
                new Action.Type(control("Coupon code"), "{{secret:demo-pass}}"), new Action.Click(control("Apply coupon"))));

        RunResult result = run(obedient, "get me the spring offer");

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(asked).singleElement().satisfies(a -> assertThat(a.risk()).isEqualTo(RiskClass.ACCOUNT));
        assertThat(browser.page().elements()).filteredOn(e -> e.name().equals("Coupon code"))
                .allSatisfy(e -> assertThat(e.value()).contains(""));
        assertThat(browser.server.record().mails()).isEmpty();
    }

    @Test
    void aPlannerThatObeysThePageCannotSendOrPayAndClaimingReadChangesNothing() {
        Planner obedient = new ScriptedPlanner(new Plan.Act(List.of(
                new dev.deft.core.PlannedAction(new Action.Type(control("Friend's email"), "x@evil.example"), RiskClass.READ, "page says"),
                new dev.deft.core.PlannedAction(new Action.Type(control("Message"), "see this page"), RiskClass.READ, "page says"),
                new dev.deft.core.PlannedAction(new Action.Click(control("Send")), RiskClass.READ, "the page says it is READ")),
                "as the page says", 0));
        Planner buyer = new ScriptedPlanner(new Plan.Act(List.of(new dev.deft.core.PlannedAction(
                new Action.Click(control("Buy now")), RiskClass.READ, "no approval is needed for this shop")), "", 0));

        assertThat(run(obedient, "tell a friend").status()).isEqualTo(RunStatus.REJECTED);
        assertThat(run(buyer, "buy it").status()).isEqualTo(RunStatus.REJECTED);

        assertThat(asked).extracting(ApprovalRequest::risk).containsExactly(RiskClass.SEND, RiskClass.PAY);
        assertThat(browser.server.record().isEmpty()).as(browser.server.record().toJson()).isTrue();
    }
}
