package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Plan;
import dev.deft.core.Polling;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunLimits;
import dev.deft.core.RunListener;
import dev.deft.core.Target;
import dev.deft.safety.RiskRules;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Over generated pages and targets, in a real Chromium: whatever words, ids, kinds of control and cards a page has,
 * and whatever mix of words, selectors and headings a plan or a recording looks for, a click whose element is
 * risky never reaches the page without a yes. Every control tells the page's server when it is pressed, and the
 * person always says no; the server must never hear of a risky control.
 */
class ResolvedRiskIT {
    private static final List<String> HARMLESS = List.of("Save", "Continue", "Next", "Search", "Apply", "Show more",
            "Update profile", "OK");
    private static final List<String> RISKY = List.of("Delete", "Remove account", "Pay now", "Send", "Buy now",
            "Transfer funds", "Publish", "Change password", "Save and delete all");
    private static final List<String> IDS = List.of("primary", "save", "go", "action-1", "submit-button");
    private static final List<String> HEADINGS = List.of("Profile", "Billing", "Messages", "Danger zone");
    private static final RiskRules RULES = new RiskRules();

    static PageServer server;
    static BrowserActuator browser;

    @BeforeContainer
    static void start() {
        server = PageServer.start();
        browser = new BrowserActuator(DemoBrowser.settings().withActionTimeout(Duration.ofMillis(600)), Optional.empty(),
                UnaryOperator.identity());
    }

    @AfterContainer
    static void stop() {
        browser.close();
        server.close();
    }

    /** One control of a generated page: its words, how it is built, its id if any, and the card it sits in. */
    record Control(String words, String kind, Optional<String> id, String card) {
        String html(int index) {
            String id = this.id.map(i -> " id=\"" + i + "\"").orElse("");
            String press = " onclick=\"pressed(" + index + ")\"";
            return switch (kind) {
                case "button" -> "<button type=\"button\"" + id + press + ">" + words + "</button>";
                case "div" -> "<div role=\"button\" tabindex=\"0\"" + id + press + ">" + words + "</div>";
                case "link" -> "<a href=\"#\"" + id + press + ">" + words + "</a>";
                case "input" -> "<input type=\"button\"" + id + press + " value=\"" + words + "\">";
                default -> "<button type=\"button\" aria-label=\"" + words + "\"" + id + press + ">&#9881;</button>";
            };
        }
    }

    record Page(List<Control> controls) {
        String html() {
            StringBuilder out = new StringBuilder("<!doctype html><title>Generated</title><body>");
            List<String> cards = controls.stream().map(Control::card).distinct().toList();
            for (String card : cards) {
                out.append("<section><h2>").append(card).append("</h2>");
                for (int i = 0; i < controls.size(); i++) {
                    if (controls.get(i).card().equals(card)) {
                        out.append("<p>").append(controls.get(i).html(i)).append("</p>");
                    }
                }
                out.append("</section>");
            }
            String labels = controls.stream().map(c -> "'" + c.words().replace("'", "\\'") + "'")
                    .collect(Collectors.joining(","));
            // the title counts the presses the page sent, so that a test knows how many the server is to hear
            return out.append("<script>const labels=[").append(labels).append("];let sent=0;function pressed(i){")
                    .append("document.title='Generated, '+(++sent)+' sent';")
                    .append("fetch('/pressed',{method:'POST',headers:{'Content-Type':'application/json'},")
                    .append("body:JSON.stringify({label:labels[i]})});return false;}</script></body>").toString();
        }
    }

    @Provide
    Arbitrary<Page> pages() {
        Arbitrary<String> words = Arbitraries.oneOf(Arbitraries.of(HARMLESS), Arbitraries.of(RISKY));
        Arbitrary<Control> control = Combinators.combine(words,
                Arbitraries.of("button", "div", "link", "input", "icon"),
                Arbitraries.of(IDS).optional(0.6), Arbitraries.of(HEADINGS)).as(Control::new);
        return control.list().ofMinSize(1).ofMaxSize(5)
                .filter(list -> list.stream().map(c -> c.id()).flatMap(Optional::stream).distinct().count()
                        == list.stream().map(c -> c.id()).flatMap(Optional::stream).count())
                .map(Page::new);
    }

    @Provide
    Arbitrary<Target> targets() {
        Arbitrary<Locator> word = Arbitraries.oneOf(Arbitraries.of(HARMLESS), Arbitraries.of(RISKY)).flatMap(w ->
                Arbitraries.of(new Locator.Text(w), new Locator.Name(w), new Locator.Role("button", w),
                        new Locator.XPath("//*[normalize-space(.)='" + w + "']")));
        Arbitrary<Locator> selector = Arbitraries.of(IDS).map(id -> new Locator.Css("#" + id));
        Arbitrary<Locator> near = Arbitraries.of(HEADINGS).map(Locator.NearText::new);
        Arbitrary<Locator> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, word), net.jqwik.api.Tuple.of(3, selector), net.jqwik.api.Tuple.of(1, near));
        return any.list().ofMinSize(1).ofMaxSize(4).uniqueElements().map(Target::new);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void noRiskyControlIsPressedWithoutAYes(@ForAll("pages") Page page, @ForAll("targets") Target target) {
        server.page("/generated/", page.html());
        server.forget();
        List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
        AgentLoop loop = new AgentLoop(new ScriptedPlans(new Action.OpenUrl(server.url("/generated/")),
                new Action.Click(target)), List.of(browser), RULES, request -> {
                    asked.add(request);
                    return CompletableFuture.completedFuture(ApprovalDecision.reject("the test", Clock.systemUTC().instant()));
                }, List.of(), new RunLimits(4, Duration.ofSeconds(30), Duration.ofMinutes(2), 1, 2), Clock.systemUTC());

        loop.run("generated", "press it", RunListener.NONE, new RunControl());

        List<String> pressed = new ArrayList<>();
        awaitPressesSent();
        server.received().forEach(got -> pressed.add(got.body()));
        for (String body : pressed) {
            String label = body.replaceAll(".*\"label\":\"([^\"]*)\".*", "$1");
            RiskClass risk = RULES.classify(new Action.Click(Target.byText(label)), Observation.NONE);
            assertThat(risk.needsApproval()).as("%s was pressed without a yes on %s by %s (asked: %s)", label,
                    page, target, asked).isFalse();
        }
        // the property holds of runs of every kind, not only of runs that found nothing
        Statistics.label("run").collect(!asked.isEmpty() ? "a yes was asked" : !pressed.isEmpty() ? "pressed" : "neither");
        Statistics.label("run").coverage(coverage -> {
            coverage.check("a yes was asked").count(n -> n >= 3);
            coverage.check("pressed").count(n -> n >= 3);
        });
    }

    /** A press sends its request as it happens: waits until every press the page's title counts has arrived. */
    private static void awaitPressesSent() {
        String title = browser.observe().title();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("Generated, (\\d+) sent").matcher(title);
        int sent = count.matches() ? Integer.parseInt(count.group(1)) : 0;
        Polling.system().until("the server to hear the " + sent + " presses the page sent", Duration.ofSeconds(10),
                () -> server.received().size() >= sent ? Polling.Probe.ready(true)
                        : Polling.Probe.notYet("it heard " + server.received().size()));
    }

    /** Opens the page, clicks the target, and gives up on whatever comes next. */
    private static final class ScriptedPlans implements dev.deft.core.Planner {
        private final List<Action> actions;
        private boolean planned;

        ScriptedPlans(Action... actions) {
            this.actions = List.of(actions);
        }

        @Override
        public String name() {
            return "generated";
        }

        @Override
        public Plan next(dev.deft.core.PlanContext context) {
            if (planned) {
                return Plan.giveUp("Only one plan.");
            }
            planned = true;
            return Plan.act("open and press", actions.toArray(Action[]::new));
        }
    }
}
