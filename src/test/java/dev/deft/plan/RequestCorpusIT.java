package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.app.DeftWorkspace;
import dev.deft.browser.PageServer;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request corpus: each line of {@code corpus/requests.txt} is a request a person might type on one of the pages in
 * {@code corpus/pages}, run through Deft's own wiring (the command planner, a headless browser, every approval
 * refused) and judged by what the page reported to its server, never by what Deft said it did. A request named in
 * {@code corpus/known-gaps.txt} is one the planner does not do yet: for it only honesty is asked, that the run did not
 * end "done" and that nothing was committed the request did not ask for; one marked there as ending done wrongly is
 * skipped, and said so. The requests run a few at a time as the class starts, each with its own browser and its own
 * copy of the pages; each test waits for its own. The last line says how many of the requests Deft does, and
 * {@code target/request-corpus/} keeps each request's verdict and a fresh list of the gaps.
 */
class RequestCorpusIT {
    private static final Logger LOG = LoggerFactory.getLogger(RequestCorpusIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESULTS = Path.of("target", "request-corpus");
    /** Runs at once: most of a run is waiting for a page, so a few share two cores well. */
    private static final int AT_ONCE = 2;

    static PageServer server;
    static Path pages;
    static ExecutorService runner;
    static final BlockingQueue<DeftWorkspace> workspaces = new LinkedBlockingQueue<>();
    static final List<DeftWorkspace> opened = new CopyOnWriteArrayList<>();
    static final Map<String, Future<Ran>> runs = new ConcurrentHashMap<>();
    static final Map<String, Verdict> verdicts = new ConcurrentSkipListMap<>(RequestCorpusIT::byId);
    private static List<CorpusRequest> corpus;

    /** What must be true once the request has run. */
    sealed interface Expected {
        /** The run ends done and the page's last reported state holds every pair. */
        record Reported(Map<String, String> pairs) implements Expected {
            @Override
            public String unmet(RunStatus status, Heard heard, List<RiskClass> asked) {
                Map<String, String> wrong = new TreeMap<>();
                pairs.forEach((key, value) -> {
                    if (!value.equals(heard.state().get(key))) {
                        wrong.put(key, String.valueOf(heard.state().get(key)));
                    }
                });
                return (status == RunStatus.DONE ? "" : "ended " + status.wire() + ";")
                        + (wrong.isEmpty() ? "" : " the page holds " + wrong);
            }

            /** The controls and forms the request asks to press or send: the only things it may commit. */
            @Override
            public Set<String> mayCommit() {
                return pairs.entrySet().stream().filter(e -> e.getKey().equals("pressed") || e.getKey().equals("submitted"))
                        .map(Map.Entry::getValue).collect(Collectors.toSet());
            }
        }

        /** The page cannot do it, or the request gives no value to do it with: the run ends failed. */
        record Cannot() implements Expected {
            @Override
            public String unmet(RunStatus status, Heard heard, List<RiskClass> asked) {
                return status == RunStatus.FAILED ? "" : "ended " + status.wire() + ", not failed";
            }
        }

        /** The run stops at an approval of this class, which is refused. */
        record Asks(RiskClass risk) implements Expected {
            @Override
            public String unmet(RunStatus status, Heard heard, List<RiskClass> asked) {
                return asked.contains(risk) && status != RunStatus.DONE ? "" : "ended " + status.wire() + ", asked " + asked;
            }
        }

        static Expected parse(String text) {
            String t = text.strip();
            if (t.equals("cannot")) {
                return new Cannot();
            }
            if (t.startsWith("asks ")) {
                return new Asks(RiskClass.valueOf(t.substring(5).strip().toUpperCase(Locale.ROOT)));
            }
            if (t.startsWith("report:")) {
                Map<String, String> pairs = new LinkedHashMap<>();
                for (String pair : t.substring(7).split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("not KEY=VALUE: " + pair + " in " + t);
                    }
                    pairs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
                return new Reported(pairs);
            }
            throw new IllegalArgumentException("no such expectation: " + t);
        }

        /** What was not as expected, or nothing when all was. */
        String unmet(RunStatus status, Heard heard, List<RiskClass> asked);

        default Set<String> mayCommit() {
            return Set.of();
        }
    }

    /** How a request stands in known-gaps.txt. */
    enum Gap {
        /** Not there: the request must be done. */
        NONE,
        /** Not done yet: the run must stop honestly. */
        FAILS,
        /** Ends done with a wrong result today: a dishonesty to fix, skipped until then. */
        WRONG
    }

    /** One line of the corpus. */
    record CorpusRequest(String id, String request, Expected expected, Gap gap) {
        String page() {
            return id.substring(0, id.indexOf('/'));
        }

        /** Where this request's copy of the pages is served, so that what they report is told apart from others'. */
        String prefix() {
            return "/" + id.replace('/', '-') + "/";
        }
    }

    /** How the run of a request ended, what it asked the person, the steps it took, and what the page reported. */
    record Ran(RunResult result, List<RiskClass> asked, List<String> steps, Heard heard) {
        Ran {
            asked = List.copyOf(asked);
            steps = List.copyOf(steps);
        }
    }

    /** What the page's server heard while the request ran. */
    record Heard(Map<String, String> state, List<Commit> commits) {
        /** A press on a control that commits (it sends, pays, deletes, changes), or a form sent, with its form's id. */
        record Commit(String control, String form) {
            boolean allowedBy(Set<String> asked) {
                return asked.contains(control) || !form.isEmpty() && asked.contains(form);
            }
        }

        Heard {
            state = Map.copyOf(state);
            commits = List.copyOf(commits);
        }

        /**
         * The reports of all the request's frames in the order they were made: each frame's fields as it last told
         * them, the control pressed last in any frame, and every commit.
         */
        static Heard from(List<JsonNode> reports) {
            List<JsonNode> inOrder = reports.stream().sorted(Comparator.comparingDouble(r -> r.path("at").asDouble())).toList();
            Map<String, String> state = new TreeMap<>();
            String pressed = "";
            String submitted = "";
            List<Commit> commits = new ArrayList<>();
            for (JsonNode report : inOrder) {
                report.path("state").fields().forEachRemaining(field -> state.put(field.getKey(), field.getValue().asText()));
                String event = report.path("event").asText();
                if (event.equals("click")) {
                    pressed = report.path("state").path("pressed").asText();
                }
                if (event.equals("submit")) {
                    submitted = report.path("state").path("submitted").asText();
                }
                if (!report.path("commit").asText().isEmpty()) {
                    commits.add(new Commit(report.path("commit").asText(),
                            event.equals("submit") ? report.path("state").path("submitted").asText() : ""));
                }
            }
            state.put("pressed", pressed);
            state.put("submitted", submitted);
            return new Heard(state, commits);
        }

        List<Commit> notAskedFor(Set<String> asked) {
            return commits.stream().filter(commit -> !commit.allowedBy(asked)).toList();
        }
    }

    /** How a request went: whether it did what was asked, and if not whether it stayed honest. */
    record Verdict(CorpusRequest request, Ran ran, boolean done, boolean honest, String detail) {
        static Verdict of(CorpusRequest request, Ran ran) {
            RunStatus status = ran.result().status();
            List<Heard.Commit> unasked = ran.heard().notAskedFor(request.expected().mayCommit());
            String unmet = request.expected().unmet(status, ran.heard(), ran.asked());
            boolean done = unmet.isEmpty() && unasked.isEmpty();
            boolean stopped = status == RunStatus.FAILED || status == RunStatus.REJECTED;
            return new Verdict(request, ran, done, done || stopped && unasked.isEmpty(),
                    (unmet + (unasked.isEmpty() ? "" : " committed what was not asked: " + unasked)).strip());
        }

        String line() {
            return String.join(" | ", request.id(), done ? "done" : honest ? "honest" : "WRONG",
                    ran.result().status().wire(), ran.result().summary().replace('\n', ' '), detail,
                    String.join(" > ", ran.steps()).replace('\n', ' '));
        }
    }

    @BeforeAll
    static void runTheCorpus() throws IOException, URISyntaxException {
        pages = Path.of(RequestCorpusIT.class.getResource("/corpus/pages/report.js").toURI()).getParent();
        server = PageServer.start();
        for (int i = 0; i < AT_ONCE; i++) {
            Path home = Files.createTempDirectory("deft-corpus");
            DeftWorkspace deft = DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                    "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                    "DEFT_BUILTIN_SKILLS", home.resolve("none").toString(), "DEFT_KEYRING", "off"), Clock.systemUTC());
            opened.add(deft);
            workspaces.add(deft);
        }
        runner = Executors.newFixedThreadPool(AT_ONCE, work -> {
            Thread thread = new Thread(work, "corpus-run");
            thread.setDaemon(true);
            return thread;
        });
        for (CorpusRequest request : corpus()) {
            runs.put(request.id(), runner.submit(() -> run(request)));
        }
    }

    @AfterAll
    static void summarize() throws IOException {
        if (runner != null) {
            runner.shutdownNow();
        }
        opened.forEach(DeftWorkspace::close);
        if (server != null) {
            server.close();
        }
        if (verdicts.isEmpty()) {
            return;
        }
        Files.createDirectories(RESULTS);
        Files.write(RESULTS.resolve("verdicts.txt"), verdicts.values().stream().map(Verdict::line).toList());
        Files.write(RESULTS.resolve("known-gaps.txt"), verdicts.values().stream().filter(v -> !v.done())
                .map(v -> v.request().id() + " | " + (v.honest() ? "fails" : "wrong") + " | "
                        + v.ran().result().summary().replace('\n', ' ')).toList());
        long done = verdicts.values().stream().filter(Verdict::done).count();
        List<String> wrong = verdicts.values().stream().filter(v -> !v.honest()).map(v -> v.request().id()).toList();
        List<String> nowDone = verdicts.values().stream().filter(v -> v.done() && v.request().gap() != Gap.NONE)
                .map(v -> v.request().id()).toList();
        LOG.info("Request corpus: {} of {} done{}{}", done, verdicts.size(),
                wrong.isEmpty() ? "" : "; ended done wrongly: " + String.join(", ", wrong),
                nowDone.isEmpty() ? "" : "; done now though listed in known-gaps.txt: " + String.join(", ", nowDone));
    }

    static Stream<Arguments> requests() {
        return corpus().stream().map(request -> Arguments.of(Named.of(request.id() + ": "
                + request.request().replace("\n", " / "), request)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theRequestLeavesThePageAsAsked(CorpusRequest request) throws Exception {
        Ran ran = runs.get(request.id()).get(3, TimeUnit.MINUTES);

        Verdict verdict = Verdict.of(request, ran);
        verdicts.put(request.id(), verdict);
        String said = verdict.line() + "\nthe page holds " + ran.heard().state() + "\ncommitted " + ran.heard().commits();
        switch (request.gap()) {
            case NONE -> assertThat(verdict.done()).as(said).isTrue();
            case FAILS -> assertThat(verdict.honest()).as("a known gap must stop honestly: %s", said).isTrue();
            case WRONG -> assumeTrue(verdict.honest(), "known to end done with a wrong result: " + said);
        }
    }

    /** Runs one request on its own copy of the pages, on a workspace no other run is using. */
    private static Ran run(CorpusRequest request) throws InterruptedException {
        server.folder(request.prefix(), pages);
        List<RiskClass> asked = new CopyOnWriteArrayList<>();
        List<String> steps = new CopyOnWriteArrayList<>();
        DeftWorkspace deft = workspaces.take();
        try {
            RunResult result = deft.run(RunSpec.builder(request.request()).planner(RunSpec.PlannerChoice.COMMAND)
                    .startUrl(server.url(request.prefix() + request.page() + ".html")).headless(true).incognito(true)
                    .maxSteps(25).build(), refusing(asked), event -> {
                        if (event instanceof RunEvent.StepPlanned planned) {
                            steps.add(planned.action().describe());
                        }
                    }, new RunControl());
            return new Ran(result, asked, steps, Heard.from(reportsOf(request)));
        } finally {
            workspaces.put(deft);
        }
    }

    /** The lines of requests.txt, each with how it stands in known-gaps.txt. */
    private static synchronized List<CorpusRequest> corpus() {
        if (corpus != null) {
            return corpus;
        }
        Map<String, Gap> gaps = new HashMap<>();
        for (String line : lines("/corpus/known-gaps.txt")) {
            String[] column = line.split("\\s*\\|\\s*");
            if (column.length < 2 || !column[1].matches("fails|wrong")) {
                throw new IllegalStateException("known-gaps.txt needs ID | fails or wrong | …: " + line);
            }
            gaps.put(column[0], column[1].equals("wrong") ? Gap.WRONG : Gap.FAILS);
        }
        List<CorpusRequest> requests = new ArrayList<>();
        for (String line : lines("/corpus/requests.txt")) {
            String[] column = line.split("\\s+\\|\\s+");
            if (column.length != 3) {
                throw new IllegalStateException("requests.txt needs ID | REQUEST | EXPECTED: " + line);
            }
            String id = column[0].strip();
            if (!id.matches("[a-z]+/\\d+") || requests.stream().anyMatch(r -> r.id().equals(id))) {
                throw new IllegalStateException("requests.txt: the id " + id + " is used twice or is not PAGE/NUMBER");
            }
            requests.add(new CorpusRequest(id, column[1].strip().replace("\\n", "\n"), Expected.parse(column[2]),
                    gaps.getOrDefault(id, Gap.NONE)));
        }
        corpus = List.copyOf(requests);
        return corpus;
    }

    private static List<JsonNode> reportsOf(CorpusRequest request) {
        List<JsonNode> reports = new ArrayList<>();
        for (PageServer.Received got : server.received()) {
            // report.js writes the page first: a cheap test before reading the JSON of every other request's reports
            if (got.path().equals("/report") && got.body().startsWith("{\"page\":\"" + request.prefix())) {
                reports.add(read(got.body()));
            } else if (got.path().startsWith(request.prefix())) {
                // a form the page's script let through: sent all the same
                reports.add(JSON.createObjectNode().put("event", "submit").put("commit", got.path()));
            }
        }
        return reports;
    }

    /** A person who says no to every approval, noting the class of each. */
    private static ApprovalGate refusing(List<RiskClass> asked) {
        return approval -> {
            asked.add(approval.risk());
            return CompletableFuture.completedFuture(ApprovalDecision.reject("the corpus", Instant.now()));
        };
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a resource that are not blank or comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = RequestCorpusIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** signin/2 before signin/10. */
    private static int byId(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int page = x[0].compareTo(y[0]);
        return page != 0 ? page : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
