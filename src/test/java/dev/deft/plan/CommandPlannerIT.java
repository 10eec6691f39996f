package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
import dev.deft.browser.PageObservation;
import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Guards;
import dev.deft.core.ObservedElement;
import dev.deft.core.Outcome;
import dev.deft.core.Planner;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import dev.deft.safety.RiskRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command planner end to end: each line of {@code plan/requests.txt} is a request run by the real loop, risk
 * rules and browser on the demo sites, then checked against the page (and the demo server's record) it left.
 */
class CommandPlannerIT {
    private static DemoServer server;
    private static BrowserActuator browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), Path.of(System.getProperty("java.io.tmpdir")))
                .withHeadless(true).withIncognito().withActionTimeout(Duration.ofSeconds(4));
        browser = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** One line of the table: where it starts, what is asked, and what must be true after. */
    record Case(int line, String start, String request, List<String> expectations) {
        boolean startsWithStartUrl() {
            return start.startsWith("--start-url ");
        }

        String startPath() {
            return start.replaceFirst("^--start-url\\s+", "").replaceFirst("^/", "");
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = CommandPlannerIT.class.getResourceAsStream("/plan/requests.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\\s+\\|\\s+");
                if (columns.length != 3) {
                    throw new IllegalStateException("requests.txt line " + (i + 1) + " needs START | REQUEST | EXPECTED");
                }
                Case c = new Case(i + 1, columns[0].strip(), addresses(columns[1].strip().replace("\\n", "\n")),
                        Arrays.stream(columns[2].split("\\s*;\\s*")).map(String::strip).filter(s -> !s.isEmpty())
                                .map(CommandPlannerIT::addresses).toList());
                cases.add(Arguments.of(Named.of("line " + c.line() + ": " + c.request().replace("\n", " / "), c)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRequestLeavesThePageAsAsked(Case c) {
        server.reset();
        must(new Action.OpenUrl(server.url("shop/?reset=1")));
        Planner planner = new CommandPlanner(sites());
        if (c.startsWithStartUrl()) {
            must(new Action.OpenUrl(server.url("")));
            planner = new StartPage(server.url(c.startPath()), planner);
        } else {
            must(new Action.OpenUrl(server.url(c.startPath())));
        }
        boolean approve = !c.expectations().contains("deny");
        AgentLoop loop = new AgentLoop(planner, List.of(browser), new RiskRules(), new Gate(approve), List.of(),
                RunLimits.defaults().withStepTimeout(Duration.ofSeconds(20)), Clock.systemUTC());

        RunResult result = loop.run("20261123-140000-" + String.format(Locale.ROOT, "%04d", c.line()), c.request(),
                RunListener.NONE, new RunControl());

        PageObservation page = (PageObservation) browser.observe();
        DemoRecord record = server.record();
        SoftAssertions soft = new SoftAssertions();
        for (String expected : c.expectations()) {
            check(soft, expected, result, page, record);
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String expected, RunResult result, PageObservation page, DemoRecord record) {
        String summary = result.summary();
        if (expected.equals("deny")) {
            return;
        }
        if (expected.equals("done") || expected.equals("failed") || expected.equals("rejected")) {
            soft.assertThat(result.status()).as("status (summary: %s)", summary)
                    .isEqualTo(RunStatus.valueOf(expected.toUpperCase(Locale.ROOT)));
        } else if (expected.startsWith("url~")) {
            soft.assertThat(page.url()).as("page reached (summary: %s)", summary).contains(expected.substring(4));
        } else if (expected.startsWith("summary~")) {
            soft.assertThat(summary).as("summary").containsIgnoringCase(expected.substring(8));
        } else if (expected.startsWith("page~")) {
            soft.assertThat(page.render(PageObservation.DEFAULT_BUDGET) + "\n" + mainText()).as("page text (summary: %s)", summary)
                    .contains(expected.substring(5));
        } else if (expected.startsWith("value[")) {
            String name = between(expected, "[", "]");
            String value = expected.substring(expected.indexOf("]=") + 2);
            soft.assertThat(element(page, name).flatMap(ObservedElement::value)).as("value of %s (summary: %s)", name, summary)
                    .hasValue(value);
        } else if (expected.startsWith("checked[") || expected.startsWith("unchecked[") || expected.startsWith("focused[")) {
            String name = between(expected, "[", "]");
            String state = expected.substring(0, expected.indexOf('['));
            soft.assertThat(element(page, name).map(ObservedElement::states).orElse(List.of()))
                    .as("state of %s (summary: %s)", name, summary).contains(state);
        } else if (expected.equals("scrolled")) {
            soft.assertThat(page.scroll().y()).as("scrolled down (summary: %s)", summary).isPositive();
        } else if (expected.equals("at-top")) {
            soft.assertThat(page.scroll().y()).as("at the top (summary: %s)", summary).isZero();
        } else if (expected.startsWith("orders=")) {
            soft.assertThat(record.orders()).as("orders (summary: %s)", summary).hasSize(Integer.parseInt(expected.substring(7)));
        } else if (expected.startsWith("order~")) {
            soft.assertThat(record.orders()).as("orders").flatExtracting(DemoRecord.Order::lines)
                    .extracting(DemoRecord.Line::title).contains(expected.substring(6));
        } else if (expected.startsWith("mails=")) {
            soft.assertThat(record.mails()).as("mails (summary: %s)", summary).hasSize(Integer.parseInt(expected.substring(6)));
        } else if (expected.startsWith("mail~")) {
            soft.assertThat(record.mails()).as("mails").anySatisfy(m ->
                    assertThat(m.to() + " " + m.subject() + " " + m.body()).contains(expected.substring(5)));
        } else if (expected.startsWith("password-changes=")) {
            soft.assertThat(record.passwordChanges()).as("password changes").hasSize(Integer.parseInt(expected.substring(17)));
        } else if (expected.startsWith("deletions=")) {
            soft.assertThat(record.deletions()).as("deletions").hasSize(Integer.parseInt(expected.substring(10)));
        } else {
            throw new IllegalStateException("unknown expectation: " + expected);
        }
    }

    /** The element a person would call {@code name}: its label, name or placeholder, as written. */
    private static Optional<ObservedElement> element(PageObservation page, String name) {
        return page.elements().stream().filter(e -> Stream.of(e.label(), e.name(), e.placeholder())
                .anyMatch(said -> said.strip().equalsIgnoreCase(name))).findFirst();
    }

    /** {demo} and {host} in a line, as the demo server started for this class answers. */
    private static String addresses(String text) {
        String demo = server.url("");
        return text.replace("{demo}", demo).replace("{host}", demo.replaceFirst("^https?://", "").replaceFirst("/$", ""));
    }

    private static String between(String text, String open, String close) {
        return text.substring(text.indexOf(open) + 1, text.indexOf(close));
    }

    private static SiteDirectory sites() {
        return SiteDirectory.of(Map.of("shop", server.url("shop/"), "webmail", server.url("mail/"),
                "mail", server.url("mail/"), "account", server.url("account/"), "demo", server.url("")));
    }

    /** The page's text as a person reads it. */
    private static String mainText() {
        Outcome outcome = browser.perform(new Action.Extract(Optional.empty(), Action.Extract.What.MAIN_TEXT), Guards.admitAll());
        return outcome instanceof Outcome.Done done ? done.value().orElse("") : "";
    }

    private static void must(Action action) {
        Outcome outcome = browser.perform(action, Guards.admitAll());
        assertThat(outcome.succeeded()).as("%s: %s", action.describe(), outcome).isTrue();
    }

    /** Says yes to everything, or no to everything. */
    private record Gate(boolean approve) implements ApprovalGate {
        @Override
        public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
            return CompletableFuture.completedFuture(approve ? ApprovalDecision.approve("test", Instant.now())
                    : ApprovalDecision.reject("test", Instant.now()));
        }

        @Override
        public CompletableFuture<Optional<String>> ask(String run, String question) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}
