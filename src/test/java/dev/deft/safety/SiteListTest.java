package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.EventLog;
import dev.deft.core.Plan;
import dev.deft.core.RecordingActuator;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunLimits;
import dev.deft.core.Target;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SiteListTest {

    private static List<Action> reaching(SiteList sites, String pageAddress, Action action) {
        RecordingActuator page = new RecordingActuator() {
            @Override public boolean handles(Action a) { return true; }
            @Override public dev.deft.core.Observation observe() { return FormPage.at(pageAddress).asLink(); }
        };
        AgentLoop loop = new AgentLoop(new dev.deft.core.ScriptedPlanner(Plan.act("go", action)), List.of(page),
                new RiskRules(), request -> CompletableFuture.completedFuture(
                        ApprovalDecision.approve("t", Clock.systemUTC().instant())),
                List.of(sites), RunLimits.defaults(), Clock.systemUTC());
        EventLog log = new EventLog();
        loop.run("r", "x", log, new RunControl());
        return page.performed;
    }

    @Test
    void aDeniedSiteAndItsSubdomainsAreNeverActedOn() {
        SiteList sites = new SiteList(List.of(), List.of("bank.example"));

        assertThat(reaching(sites, "", new Action.OpenUrl("https://www.bank.example/login"))).isEmpty();
        assertThat(reaching(sites, "https://bank.example/", new Action.Click(Target.byText("Statements")))).isEmpty();
        assertThat(reaching(sites, "https://mybank.example/", new Action.Click(Target.byText("Statements")))).hasSize(1);
    }

    @Test
    void withAnAllowListOnlyThoseSitesAreActedOn() {
        SiteList sites = new SiteList(List.of("*.shop.example", "127.0.0.1"), List.of());

        assertThat(reaching(sites, "", new Action.OpenUrl("https://news.example/"))).isEmpty();
        assertThat(reaching(sites, "", new Action.OpenUrl("https://eu.shop.example/cart"))).hasSize(1);
        assertThat(reaching(sites, "http://127.0.0.1:8080/", new Action.Click(Target.byText("Add")))).hasSize(1);
    }

    @Test
    void theRefusalSaysWhereToChangeIt() {
        RecordingActuator page = new RecordingActuator() {
            @Override public boolean handles(Action a) { return true; }
        };
        EventLog log = new EventLog();
        new AgentLoop(new dev.deft.core.ScriptedPlanner(Plan.act("go", new Action.OpenUrl("https://bank.example/"))),
                List.of(page), new RiskRules(), r -> new CompletableFuture<>(),
                List.of(new SiteList(List.of(), List.of("bank.example"))), RunLimits.defaults(), Clock.systemUTC())
                .run("r", "x", log, new RunControl());

        assertThat(log.of(RunEvent.StepFinished.class).get(0).detail())
                .isEqualTo("bank.example is on your deny-list, so Deft will not act there (\"sites\" in config.json).");
    }
}
