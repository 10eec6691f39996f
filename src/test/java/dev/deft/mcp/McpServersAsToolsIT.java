package dev.deft.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.app.DeftWorkspace;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.llm.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP servers as Deft's tools: the model planner, its replies scripted over a local OpenAI-compatible server, calls a
 * tool of a real MCP server this test starts (written with the Java SDK, in its own process), and what the tool
 * answered reaches the model's next request; the risk configuration holds; a broken server is one line, not a stop.
 */
class McpServersAsToolsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApprovalGate NOBODY = request ->
            CompletableFuture.completedFuture(ApprovalDecision.reject("nobody (no person in this test)", Instant.now()));

    @TempDir
    Path home;
    MockWebServer model;
    final List<RunEvent> events = new ArrayList<>();
    final List<String> notices = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        model = new MockWebServer();
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        model.shutdown();
    }

    @Test
    void theModelCallsAToolOfARealMcpServerAndItsAnswerReachesTheNextRequest() throws Exception {
        configure(Map.of("notes", notesServer(Map.of())));
        reply("runs/call-notes-read.sse");
        reply("runs/finish-notes.sse");

        RunResult result = run("what does my groceries note say?");

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        assertThat(result.summary()).isEqualTo("The groceries note says: eggs, milk, and a loaf of rye.");
        JsonNode first = body(model.takeRequest(5, TimeUnit.SECONDS));
        assertThat(first.get("tools").findValuesAsText("name")).contains("notes__read_note", "notes__send_note",
                "click", "finish");
        String second = model.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8();
        String prompt = body(second).get("messages").toString();
        assertThat(prompt).contains("Call read_note of notes with {\\\"name\\\":\\\"groceries\\\"} [SUBMIT] → done")
                .contains("The tool answered:").contains("<<<UNTRUSTED tool notes ")
                .contains(NotesServer.GROCERIES);
        assertThat(events).filteredOn(RunEvent.StepPlanned.class::isInstance).first()
                .extracting(e -> ((RunEvent.StepPlanned) e).action().kind()).isEqualTo("call_tool");
        assertThat(notices).isEmpty();
    }

    @Test
    void aToolTheConfigurationRaisesToSendWaitsForAPersonAndWithNoneItIsNeverCalled() throws Exception {
        Path sent = home.resolve("sent.txt");
        configure(Map.of("notes", notesServer(Map.of("send_note", "SEND"))));
        reply("runs/call-notes-send.sse");

        RunResult result = run("send Bob a note asking about lunch");

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(events).filteredOn(RunEvent.ApprovalRequested.class::isInstance).singleElement()
                .satisfies(e -> {
                    var asked = ((RunEvent.ApprovalRequested) e).request();
                    assertThat(asked.risk().name()).isEqualTo("SEND");
                    assertThat(asked.payload()).containsEntry("tool", "send_note").containsEntry("server", "notes");
                });
        assertThat(sent).doesNotExist();
    }

    @Test
    void aServerThatDoesNotStartOrAnswersGarbageIsOneLineNamingItAndTheRunGoesOn() throws Exception {
        configure(Map.of(
                "missing", Map.of("command", home.resolve("no-such-server").toString()),
                "babbler", Map.of("command", "sh", "args", List.of("-c", "echo this is not JSON-RPC; sleep 30"),
                        "timeoutSeconds", 2),
                "notes", notesServer(Map.of())));
        reply("runs/finish-notes.sse");

        long began = System.nanoTime();
        RunResult result = run("what does my groceries note say?");

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)).isLessThan(30);
        assertThat(notices).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("\n")
                .endsWith("Deft goes on without its tools."));
        assertThat(notices).anySatisfy(line -> assertThat(line).startsWith("The MCP server \"missing\" (")
                .contains("there is no program"));
        assertThat(notices).anySatisfy(line -> assertThat(line).startsWith("The MCP server \"babbler\" (sh -c")
                .contains("did not answer within 2 s"));
        JsonNode request = body(model.takeRequest(5, TimeUnit.SECONDS));
        assertThat(request.get("tools").findValuesAsText("name")).contains("notes__read_note")
                .noneMatch(name -> name.startsWith("missing") || name.startsWith("babbler"));
    }

    private Map<String, Object> notesServer(Map<String, String> risk) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Map.of("command", java, "args", List.of("-cp", System.getProperty("java.class.path"),
                NotesServer.class.getName(), home.resolve("sent.txt").toString()), "risk", risk);
    }

    private void configure(Map<String, Object> servers) throws Exception {
        Files.writeString(home.resolve("config.json"), JSON.writeValueAsString(Map.of("mcpServers", servers)));
    }

    private void reply(String fixture) {
        model.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(Fixtures.read(fixture)));
    }

    private RunResult run(String request) {
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "OPENAI_BASE_URL", model.url("/v1").toString(), "DEFT_MODEL", "local-model");
        RunSpec spec = RunSpec.builder(request).planner(RunSpec.PlannerChoice.LLM).maxSteps(5)
                .surface(RunSpec.SurfaceChoice.BROWSER).headless(true).incognito(true).build();
        RunListener listener = new RunListener() {
            @Override
            public void on(RunEvent event) {
                events.add(event);
            }

            @Override
            public void notice(String run, String message) {
                notices.add(message);
            }
        };
        try (DeftWorkspace workspace = DeftWorkspace.open(env, Clock.systemUTC())) {
            return workspace.run(spec, NOBODY, listener, new RunControl());
        }
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return body(request.getBody().readUtf8());
    }

    private static JsonNode body(String text) throws Exception {
        return JSON.readTree(text);
    }
}
