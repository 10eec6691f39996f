package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
import dev.deft.browser.PageServer;
import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Observation;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.Polling;
import dev.deft.core.RiskClass;
import dev.deft.core.RiskPolicy;
import dev.deft.core.RunControl;
import dev.deft.core.RunLimits;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The risk rules' precision table, in a real Chromium: for each form of {@code safety/forms.txt}, Deft's loop opens a
 * page made from it and clicks its control by its words, with the real rules and a person who always says no. An
 * ordinary form goes through unasked and its server receives it; a risky one stops at an approval of its class and its
 * server receives nothing. The table and a summary are printed once every form has been tried.
 */
class RiskPrecisionIT {
    private static final List<Row> TABLE = new CopyOnWriteArrayList<>();

    static PageServer server;
    static BrowserActuator browser;

    /** One form as it went: the class the rules gave its control, whether a yes was asked, what the server got. */
    record Row(SketchedForm form, RiskClass got, Optional<RiskClass> asked, int received, String detail) {
        boolean passed() {
            return form.risky()
                    ? asked.filter(risk -> risk.compareTo(form.expected()) >= 0).isPresent() && received == 0
                    : asked.isEmpty() && received > 0 && got == form.expected();
        }
    }

    @BeforeAll
    static void start() {
        server = PageServer.start();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), temporary).withHeadless(true)
                .withIncognito().withActionTimeout(Duration.ofSeconds(3));
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
        printTable();
    }

    static Stream<SketchedForm> forms() {
        List<SketchedForm> forms = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RiskPrecisionIT.class.getResourceAsStream("/safety/forms.txt")), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    forms.add(SketchedForm.parse(number, line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void anOrdinaryFormGoesThroughAndARiskyOneStops(SketchedForm form) {
        String path = "/forms/" + form.line() + "/";
        server.page(path, form.html());
        server.forget();
        NotingPolicy rules = new NotingPolicy(new RiskRules());
        List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
        AgentLoop loop = new AgentLoop(new OpenAndClick(server.url(path), controlOf(form)), List.of(browser), rules,
                request -> {
                    asked.add(request);
                    return CompletableFuture.completedFuture(
                            ApprovalDecision.reject("the test", Clock.systemUTC().instant()));
                }, List.of(), new RunLimits(3, Duration.ofSeconds(20), Duration.ofMinutes(1), 1, 1), Clock.systemUTC());

        RunResult result = loop.run("form-" + form.line(), "press " + form.control().words(), RunListener.NONE,
                new RunControl());

        int received = form.risky() ? sentSoFar() : awaitSent();
        Row row = new Row(form, rules.strongest(), asked.stream().map(ApprovalRequest::risk).findFirst(), received,
                result.status() + ": " + result.summary());
        TABLE.add(row);
        assertThat(row.passed()).as("line %d, %s: expected %s %s, got %s, asked %s, the server received %d (%s)",
                form.line(), form.shortly(), form.risky() ? "a stop for" : "no stop and", form.expected(), row.got(),
                row.asked().map(Enum::name).orElse("nothing"), received, row.detail()).isTrue();
    }

    /** The control by the words a person reads on it; an icon's only words are its accessible name. */
    private static Target controlOf(SketchedForm form) {
        String words = form.control().words();
        return form.control().kind().equals("icon") ? Target.byName(words) : Target.byText(words);
    }

    /** What the page sent, once what its form or script sent has arrived (or ten seconds passed without it). */
    private static int awaitSent() {
        try {
            return Polling.system().until("the page's server to receive the form", Duration.ofSeconds(10),
                    () -> submissions() == 0 ? Polling.Probe.<Integer>notYet("it received nothing")
                            : Polling.Probe.ready(submissions()));
        } catch (RuntimeException e) {
            return 0; // the row then says the server received nothing, and the test fails on it
        }
    }

    private static int submissions() {
        return (int) server.received().stream().filter(got -> got.path().equals("/submit")).count();
    }

    /**
     * What the page sent by now. A form is sent only by the click, and the run has ended: a click stopped at an
     * approval sent nothing; one that got through shows it on the page (the server's answer, or a script's "Sent"),
     * and then the request is waited for.
     */
    private static int sentSoFar() {
        String title = browser.observe().title();
        return title.equals("Received") || title.equals("Sent") ? awaitSent() : submissions();
    }

    private static void printTable() {
        List<Row> rows = TABLE.stream().sorted(Comparator.comparingInt(row -> row.form().line())).toList();
        StringBuilder out = new StringBuilder("\nRisk precision table\n");
        out.append(String.format("%-5s %-48s %-17s %-8s %-8s %-9s %s%n", "line", "form", "expected", "got", "asked",
                "received", "result"));
        for (Row row : rows) {
            SketchedForm form = row.form();
            out.append(String.format("%-5d %-48s %-17s %-8s %-8s %-9d %s%n", form.line(), cut(form.shortly(), 48),
                    (form.risky() ? "stop " : "go ") + form.expected(), row.got(),
                    row.asked().map(Enum::name).orElse("-"), row.received(), row.passed() ? "ok" : "WRONG"));
        }
        long ordinary = rows.stream().filter(row -> !row.form().risky()).count();
        long through = rows.stream().filter(row -> !row.form().risky() && row.passed()).count();
        long risky = rows.size() - ordinary;
        long stopped = rows.stream().filter(row -> row.form().risky() && row.passed()).count();
        out.append(String.format("Ordinary passed %d/%d, risky stopped %d/%d%n", through, ordinary, stopped, risky));
        System.out.print(out);
    }

    private static String cut(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    /** Opens the page and clicks the control, then gives up on whatever comes next. */
    private static final class OpenAndClick implements Planner {
        private final String url;
        private final Target control;
        private boolean planned;

        OpenAndClick(String url, Target control) {
            this.url = url;
            this.control = control;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Plan next(PlanContext context) {
            if (planned) {
                return Plan.giveUp("Only one plan.");
            }
            planned = true;
            return Plan.act("open the form and press its control", new Action.OpenUrl(url), new Action.Click(control));
        }
    }

    /** The real rules, noting the strongest class they gave a click: the class a form that went through had. */
    private static final class NotingPolicy implements RiskPolicy {
        private final RiskRules rules;
        private volatile RiskClass strongest = RiskClass.READ;

        NotingPolicy(RiskRules rules) {
            this.rules = rules;
        }

        @Override
        public RiskClass classify(Action action, Observation observation) {
            RiskClass risk = rules.classify(action, observation);
            if (action instanceof Action.Click) {
                strongest = strongest.atLeast(risk);
            }
            return risk;
        }

        @Override
        public Map<String, String> payload(Action action, Observation observation) {
            return rules.payload(action, observation);
        }

        RiskClass strongest() {
            return strongest;
        }
    }
}
