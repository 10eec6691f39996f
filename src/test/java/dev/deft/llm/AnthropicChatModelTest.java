package dev.deft.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest extends AbstractLanguageModelContractTest {

    @Override
    LanguageModel model(String baseUrl, String modelName, boolean images, Duration timeout, Backoff backoff) {
        return new AnthropicChatModel(new ModelEndpoint(baseUrl, Optional.of("sk-ant-test"), modelName, images,
                timeout), backoff, clock());
    }

    @Override
    String baseUrl(MockWebServer server) {
        return server.url("/").toString();
    }

    @Override
    String chatPath() {
        return "/v1/messages";
    }

    @Override
    String folder() {
        return "anthropic";
    }

    @Override
    String streamFixture() {
        return "stream-tool-calls.sse";
    }

    @Override
    String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    String keyAdvice() {
        return "set ANTHROPIC_API_KEY";
    }

    @Override
    long cachedTokens() {
        return 256;
    }

    @Override
    void assertConversationOnTheWire(RecordedRequest request, JsonNode body) {
        assertThat(request.getHeader("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        JsonNode system = body.path("system").get(0);
        assertThat(system.path("text").asText()).isEqualTo("You are Deft.");
        assertThat(system.path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        JsonNode use = messages.get(1).path("content").get(0);
        assertThat(use.path("type").asText()).isEqualTo("tool_use");
        assertThat(use.path("id").asText()).isEqualTo("call_0");
        assertThat(use.path("input").path("on").path("element").asInt()).as("input is an object").isEqualTo(99);
        JsonNode answer = messages.get(2).path("content");
        assertThat(answer.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(answer.get(0).path("tool_use_id").asText()).isEqualTo("call_0");
        assertThat(answer.get(0).path("is_error").asBoolean()).isTrue();
        assertThat(answer.get(1).path("type").asText()).isEqualTo("text");
        assertThat(answer.get(1).path("text").asText()).isEqualTo("Try again.");
    }

    @Override
    List<String> imagesIn(JsonNode body) {
        List<String> images = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if (block.path("type").asText().equals("image")) {
                    assertThat(block.path("source").path("type").asText()).isEqualTo("base64");
                    assertThat(block.path("source").path("media_type").asText()).isEqualTo("image/png");
                    images.add(block.path("source").path("data").asText());
                }
            }
        }
        return images;
    }

    @Test
    void anOverloadedErrorInsideTheStreamIsTriedAgain() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(Fixtures.read("anthropic/stream-overloaded.sse")));
        server.enqueue(streamed());

        LanguageModel.Reply reply = model(false).chat(simple());

        assertThat(reply.toolCalls()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void anOverloadedApiIsReportedAsPassingAfterTheLastTry() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(529).setHeader("Content-Type", "application/json")
                    .setBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        }

        assertThatThrownBy(() -> model(false).chat(simple()))
                .isInstanceOf(DeftException.Retriable.class)
                .hasMessageContaining("529: Overloaded");
    }
}
