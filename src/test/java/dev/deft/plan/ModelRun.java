package dev.deft.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.LanguageModel;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal;
import dev.deft.core.RunLimits;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.llm.Backoff;
import dev.deft.llm.FakeSleeper;
import dev.deft.llm.Fixtures;
import dev.deft.llm.ModelEndpoint;
import dev.deft.llm.OpenAiChatModel;
import dev.deft.memory.H2RunJournal;
import dev.deft.safety.RiskRules;
import dev.deft.safety.SecretMask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * One run of the model planner as Deft makes it, for tests: the real loop, the real risk rules and the H2 journal,
 * an OpenAI-compatible model served by a local server that answers with scripted replies, and the pretend shop.
 */
final class ModelRun implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    final FakeSleeper sleeper = new FakeSleeper();
    final ShopActuator shop;
    final RunJournal journal;
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    final List<ApprovalRequest> approvalsAsked = new CopyOnWriteArrayList<>();
    final List<String> thinking = new CopyOnWriteArrayList<>();
    private SecretMask secrets = SecretMask.none();
    private Duration timeout = Duration.ofSeconds(5);
    private boolean images;
    private boolean approve;
    private String baseUrl;

    ModelRun(Path folder, ShopActuator shop) throws IOException {
        this.shop = shop;
        this.journal = H2RunJournal.open(folder);
        server.start();
        baseUrl = server.url("/v1").toString();
    }

    ModelRun(Path folder) throws IOException {
        this(folder, new ShopActuator());
    }

    /** The model's next answer is this fixture under {@code llm/runs/}. */
    ModelRun replies(String... fixtures) {
        for (String fixture : fixtures) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                    .setBody(Fixtures.read("runs/" + fixture + ".sse")));
        }
        return this;
    }

    ModelRun answers(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    ModelRun secrets(SecretMask mask) {
        this.secrets = mask;
        return this;
    }

    ModelRun timeout(Duration wait) {
        this.timeout = wait;
        return this;
    }

    ModelRun seeing() {
        this.images = true;
        return this;
    }

    ModelRun approving() {
        this.approve = true;
        return this;
    }

    ModelRun at(String base) {
        this.baseUrl = base;
        return this;
    }

    LanguageModel model() {
        return new OpenAiChatModel(new ModelEndpoint(baseUrl, Optional.of("sk-test"), "test-model", images, timeout),
                Backoff.standard().withSleeper(sleeper), Clock.systemUTC());
    }

    ModelPlanner planner() {
        return new ModelPlanner(model(), secrets, ModelPlanner.Settings.defaults(), thinking::add);
    }

    RunResult run(String request) {
        ApprovalGate gate = new ApprovalGate() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                approvalsAsked.add(request);
                return CompletableFuture.completedFuture(new ApprovalDecision(approve, "test person",
                        Clock.systemUTC().instant()));
            }
        };
        AgentLoop loop = new AgentLoop(planner(), List.of(shop), new RiskRules(), gate, List.of(),
                RunLimits.defaults().withMaxSteps(10), Clock.systemUTC());
        return loop.run("run-" + System.nanoTime(), request, RunListener.all(journal, events::add), new RunControl());
    }

    /** The bodies the model's server received, in order. */
    List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            bodies.add(JSON.readTree(request.getBody().readUtf8()));
        }
        return bodies;
    }

    RunJournal.RunRecord journalled(RunResult result) {
        return journal.find(result.run()).orElseThrow();
    }

    @Override
    public void close() throws IOException {
        journal.close();
        server.shutdown();
    }
}
