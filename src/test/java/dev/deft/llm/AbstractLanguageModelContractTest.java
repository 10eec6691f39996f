package dev.deft.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.ChatMessage;
import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link LanguageModel} provider does, each against a local server speaking its real wire format with
 * replies written from the provider's API reference: it streams, assembles tool calls, sends the conversation in its
 * own format, retries what may pass and says in one line what to do about what will not.
 */
abstract class AbstractLanguageModelContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    MockWebServer server;
    final FakeSleeper sleeper = new FakeSleeper();
    @TempDir
    Path folder;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    // ---- what each provider fills in -------------------------------------------------------------------------

    /** The provider pointed at {@code baseUrl} (as its users would write it), with a key where it takes one. */
    abstract LanguageModel model(String baseUrl, String modelName, boolean images, Duration timeout, Backoff backoff);

    /** The server's base address as a user configures it: with {@code /v1} for OpenAI, without for the others. */
    abstract String baseUrl(MockWebServer server);

    /** The path the provider posts to, as the server sees it. */
    abstract String chatPath();

    /** The fixture folder under {@code llm/}. */
    abstract String folder();

    abstract String streamFixture();

    abstract String streamContentType();

    /** What a person must fix when the key is refused: the variable to set. */
    abstract String keyAdvice();

    /** Input tokens the fixtures say came from the provider's prompt cache. */
    abstract long cachedTokens();

    /** The conversation of {@link #conversation(Path)} as the provider's format must carry it. */
    abstract void assertConversationOnTheWire(RecordedRequest request, JsonNode body);

    /** The base64 images the request body carries. */
    abstract List<String> imagesIn(JsonNode body);

    // ---- the contract ----------------------------------------------------------------------------------------

    LanguageModel model(boolean images) {
        return model(baseUrl(server), "test-model", images, Duration.ofSeconds(5),
                Backoff.standard().withSleeper(sleeper));
    }

    static LanguageModel.Request conversation(Path screenshot) {
        Map<String, Object> clickSchema = Map.of("type", "object",
                "properties", Map.of("on", Map.of("type", "object",
                        "properties", Map.of("element", Map.of("type", "integer")))),
                "required", List.of("on"));
        Map<String, Object> finishSchema = Map.of("type", "object",
                "properties", Map.of("summary", Map.of("type", "string"), "success", Map.of("type", "boolean")),
                "required", List.of("summary"));
        return new LanguageModel.Request("You are Deft.",
                List.of(new LanguageModel.Tool("click", "Click an element.", clickSchema),
                        new LanguageModel.Tool("finish", "End the run.", finishSchema)),
                List.of(new ChatMessage.User("Click search.", screenshot == null ? List.of() : List.of(screenshot)),
                        new ChatMessage.Assistant("", List.of(new LanguageModel.ToolCall("call_0", "click",
                                "{\"on\":{\"element\":99}}"))),
                        new ChatMessage.ToolResult("call_0", "click", "Element 99 does not exist.", true),
                        new ChatMessage.User("Try again.")),
                1024);
    }

    static LanguageModel.Request simple() {
        return new LanguageModel.Request("You are Deft.", List.of(), List.of(new ChatMessage.User("Hello.")), 256);
    }

    MockResponse streamed() {
        return new MockResponse().setHeader("Content-Type", streamContentType())
                .setBody(Fixtures.read(folder() + "/" + streamFixture()));
    }

    MockResponse error(int status, String fixture) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(Fixtures.read(folder() + "/" + fixture));
    }

    @Test
    void streamsTheTextAsItArrivesAndPutsTheToolCallsTogether() {
        server.enqueue(streamed());
        List<String> fragments = new ArrayList<>();

        LanguageModel.Reply reply = model(false).chat(simple(), fragments::add);

        assertThat(fragments).containsExactly("I will click ", "the search button.");
        assertThat(reply.text()).isEqualTo("I will click the search button.");
        assertThat(reply.toolCalls()).extracting(LanguageModel.ToolCall::name).containsExactly("click", "finish");
        assertThat(json(reply.toolCalls().get(0).arguments())).isEqualTo(json("{\"on\":{\"element\":7}}"));
        assertThat(json(reply.toolCalls().get(1).arguments()))
                .isEqualTo(json("{\"summary\":\"Clicked it.\",\"success\":true}"));
        assertThat(reply.toolCalls()).extracting(LanguageModel.ToolCall::id).doesNotHaveDuplicates();
        assertThat(reply.usage().input()).isEqualTo(412);
        assertThat(reply.usage().output()).isEqualTo(37);
        assertThat(reply.usage().cachedInput()).isEqualTo(cachedTokens());
    }

    @Test
    void readsAWholeReplyFromAServerThatDoesNotStream() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(Fixtures.read(folder() + "/whole-tool-calls.json")));
        List<String> fragments = new ArrayList<>();

        LanguageModel.Reply reply = model(false).chat(simple(), fragments::add);

        assertThat(String.join("", fragments)).isEqualTo("I will click the search button.");
        assertThat(reply.toolCalls()).extracting(LanguageModel.ToolCall::name).containsExactly("click", "finish");
        assertThat(json(reply.toolCalls().get(0).arguments())).isEqualTo(json("{\"on\":{\"element\":7}}"));
        assertThat(reply.usage().total()).isEqualTo(449);
    }

    @Test
    void sendsTheSystemPromptToolsAndConversationInTheProvidersFormat() throws Exception {
        server.enqueue(streamed());

        model(false).chat(conversation(null));

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo(chatPath());
        JsonNode body = JSON.readTree(request.getBody().readUtf8());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.toString()).contains("You are Deft.").contains("Element 99 does not exist.");
        assertConversationOnTheWire(request, body);
    }

    @Test
    void sendsTheScreenshotOnlyToAModelThatTakesImages() throws Exception {
        Path shot = Files.write(folder.resolve("shot.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        server.enqueue(streamed());
        server.enqueue(streamed());

        model(true).chat(conversation(shot));
        model(false).chat(conversation(shot));

        JsonNode seeing = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        JsonNode blind = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertThat(imagesIn(seeing)).containsExactly(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(shot)));
        assertThat(imagesIn(blind)).isEmpty();
    }

    @Test
    void aRefusedKeyIsAConfigurationErrorSayingWhatToSet() {
        server.enqueue(error(401, "error-401.json"));

        assertThatThrownBy(() -> model(false).chat(simple()))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageContaining("401").hasMessageContaining(keyAdvice())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownModelIsAConfigurationErrorNamingTheModel() {
        server.enqueue(error(404, "error-404-model.json"));

        assertThatThrownBy(() -> model(false).chat(simple()))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageContaining("\"test-model\"").hasMessageContaining("DEFT_MODEL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsRetryAfterSays() {
        server.enqueue(error(429, "error-429.json").setHeader("Retry-After", "7"));
        server.enqueue(streamed());

        LanguageModel.Reply reply = model(false).chat(simple());

        assertThat(reply.toolCalls()).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerErrorIsTriedAgainWithBackoff() {
        server.enqueue(error(500, "error-500.json"));
        server.enqueue(error(503, "error-500.json"));
        server.enqueue(streamed());

        LanguageModel.Reply reply = model(false).chat(simple());

        assertThat(reply.text()).isEqualTo("I will click the search button.");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aServerThatKeepsFailingIsReportedInOneLineAfterTheLastTry() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(500, "error-500.json"));
        }

        assertThatThrownBy(() -> model(false).chat(simple()))
                .isInstanceOf(DeftException.Retriable.class)
                .hasMessageContaining("500").hasMessageContaining("3 times")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIsTriedAgainThenReported() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        LanguageModel impatient = model(baseUrl(server), "test-model", false, Duration.ofMillis(300),
                Backoff.standard().withSleeper(sleeper).withAttempts(2));

        assertThatThrownBy(() -> impatient.chat(simple()))
                .isInstanceOf(DeftException.Retriable.class)
                .hasMessageContaining("did not answer within 0.3 s").hasMessageContaining("2 tries")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aHostThatRefusesTheConnectionIsNamedWithWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String base = baseUrl(server).replace(":" + server.getPort(), ":" + closedPort);
        LanguageModel nowhere = model(base, "test-model", false, Duration.ofSeconds(2),
                Backoff.standard().withSleeper(sleeper));

        assertThatThrownBy(() -> nowhere.chat(simple()))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageStartingWith("Cannot reach").hasMessageContaining(":" + closedPort)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(sleeper.waits).isEmpty();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static Clock clock() {
        return Clock.systemUTC();
    }
}
