package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.app.DeftWorkspace;
import dev.deft.llm.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deft run} choosing and using a language model as the environment sets it up. */
class ModelPlannerCliTest {
    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private CliRun deft(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1"));
        env.putAll(extra);
        return CliRun.of(() -> DeftWorkspace.open(env, Clock.systemUTC()), "", false, args);
    }

    @Test
    void plannerLlmWithNoModelIsAOneLineConfigurationError() {
        CliRun run = deft(Map.of(), "run", "--planner", "llm", "book me a flight to Mumbai");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("No language model is set up")
                .contains("docs/MODELS.md");
    }

    @Test
    void aNamedProviderWithoutItsKeyIsAOneLineConfigurationError() {
        CliRun run = deft(Map.of(), "run", "--planner", "llm", "--provider", "anthropic", "book a flight");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("set ANTHROPIC_API_KEY");
    }

    @Test
    void autoTriesTheCommandPlannerFirstThenTheConfiguredModelAndReportsItsCost() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(Fixtures.read("runs/finish-done.sse")));

        CliRun run = deft(Map.of("OPENAI_BASE_URL", server.url("/v1").toString(), "DEFT_MODEL", "local-model"),
                "run", "--json", "search the shop");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.last("plan_made").get("planner").asText()).isEqualTo("llm");
        JsonNode finished = run.last("run_finished");
        assertThat(finished.get("summary").asText()).isEqualTo("Searched the shop.");
        assertThat(finished.get("llm_calls").asInt()).isEqualTo(1);
        assertThat(finished.get("input_tokens").asLong()).isEqualTo(900);
        assertThat(finished.get("output_tokens").asLong()).isEqualTo(40);
        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(new ObjectMapper().readTree(sent.getBody().readUtf8()).get("model").asText()).isEqualTo("local-model");
    }

    @Test
    void theModelsTextIsShownAsItStreamsBeforeItsStepIsPlanned() {
        Map<String, String> model = Map.of("OPENAI_BASE_URL", server.url("/v1").toString(), "DEFT_MODEL", "local-model");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(Fixtures.read("runs/think-then-finish.sse")));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(Fixtures.read("runs/think-then-finish.sse")));

        CliRun json = deft(model, "run", "--json", "--planner", "llm", "look at the shop");
        CliRun text = deft(model, "run", "--planner", "llm", "look at the shop");

        List<String> order = json.events().stream().map(e -> e.get("event").asText()).toList();
        assertThat(order.indexOf("model_text")).isBetween(order.indexOf("run_started"), order.indexOf("plan_made"));
        String streamed = json.events().stream().filter(e -> e.get("event").asText().equals("model_text"))
                .peek(e -> assertThat(e.get("run").asText()).isEqualTo(json.last("run_started").get("run").asText()))
                .map(e -> e.get("text").asText()).collect(Collectors.joining());
        assertThat(streamed).isEqualTo("The shop is open;\nnothing to do.");
        assertThat(text.out()).contains("     thinking: The shop is open;\n               nothing to do.\n");
        assertThat(text.status()).as(text.err()).isZero();
    }

    @Test
    void aRequestTheCommandPlannerKnowsNeverReachesTheModel() {
        CliRun run = deft(Map.of("OPENAI_BASE_URL", server.url("/v1").toString(), "DEFT_MODEL", "local-model"),
                "run", "--json", "finish");

        assertThat(run.status()).isZero();
        assertThat(run.last("run_finished").get("llm_calls").asInt()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aLocalOllamaThatAnswersIsPreferredAndItsFirstModelUsed() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().equals("/api/tags")) {
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody(Fixtures.read("ollama/tags.json"));
                }
                return new MockResponse().setHeader("Content-Type", "application/x-ndjson")
                        .setBody(Fixtures.read("ollama/finish-done.ndjson"));
            }
        });

        CliRun run = deft(Map.of("OLLAMA_HOST", "127.0.0.1:" + server.getPort(), "OPENAI_API_KEY", "sk-unused"),
                "run", "--json", "book me a flight to Mumbai");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.last("run_finished").get("summary").asText()).isEqualTo("Nothing to book offline.");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo("/api/tags");
        RecordedRequest chat = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(chat.getPath()).isEqualTo("/api/chat");
        assertThat(new ObjectMapper().readTree(chat.getBody().readUtf8()).get("model").asText()).isEqualTo("qwen2.5:7b");
    }
}
