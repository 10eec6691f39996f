package dev.deft.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.LanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

class OllamaChatModelTest extends AbstractLanguageModelContractTest {

    @Override
    LanguageModel model(String baseUrl, String modelName, boolean images, Duration timeout, Backoff backoff) {
        return new OllamaChatModel(new ModelEndpoint(baseUrl, Optional.empty(), modelName, images, timeout), backoff,
                clock());
    }

    @Override
    String baseUrl(MockWebServer server) {
        return server.url("/").toString();
    }

    @Override
    String chatPath() {
        return "/api/chat";
    }

    @Override
    String folder() {
        return "ollama";
    }

    @Override
    String streamFixture() {
        return "stream-tool-calls.ndjson";
    }

    @Override
    String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    String keyAdvice() {
        return "OLLAMA_HOST";
    }

    @Override
    long cachedTokens() {
        return 0;
    }

    @Override
    void assertConversationOnTheWire(RecordedRequest request, JsonNode body) {
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(1024);
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "user");
        JsonNode function = messages.get(2).path("tool_calls").get(0).path("function");
        assertThat(function.path("name").asText()).isEqualTo("click");
        assertThat(function.path("arguments").path("on").path("element").asInt()).as("arguments are an object")
                .isEqualTo(99);
        assertThat(messages.get(3).path("tool_name").asText()).isEqualTo("click");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Element 99 does not exist.");
        JsonNode tool = body.path("tools").get(1);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("finish");
        assertThat(tool.path("function").path("parameters").path("properties").has("summary")).isTrue();
    }

    @Override
    List<String> imagesIn(JsonNode body) {
        List<String> images = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            message.path("images").forEach(image -> images.add(image.asText()));
        }
        return images;
    }
}
