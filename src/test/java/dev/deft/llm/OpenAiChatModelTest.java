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

class OpenAiChatModelTest extends AbstractLanguageModelContractTest {

    @Override
    LanguageModel model(String baseUrl, String modelName, boolean images, Duration timeout, Backoff backoff) {
        return new OpenAiChatModel(new ModelEndpoint(baseUrl, Optional.of("sk-test"), modelName, images, timeout),
                backoff, clock());
    }

    @Override
    String baseUrl(MockWebServer server) {
        return server.url("/v1").toString();
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    String folder() {
        return "openai";
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
        return "set OPENAI_API_KEY";
    }

    @Override
    long cachedTokens() {
        return 256;
    }

    @Override
    void assertConversationOnTheWire(RecordedRequest request, JsonNode body) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).as("a compatible server gets max_tokens").isEqualTo(1024);
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are Deft.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Click search.");
        JsonNode call = messages.get(2).path("tool_calls").get(0);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(call.path("id").asText()).isEqualTo("call_0");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("click");
        assertThat(call.path("function").path("arguments").isTextual()).as("arguments are a JSON string").isTrue();
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_0");
        assertThat(messages.get(4).path("content").asText()).isEqualTo("Try again.");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("click");
        assertThat(tool.path("function").path("parameters").path("required").get(0).asText()).isEqualTo("on");
    }

    @Override
    List<String> imagesIn(JsonNode body) {
        List<String> images = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode part : message.path("content")) {
                if (part.path("type").asText().equals("image_url")) {
                    String url = part.path("image_url").path("url").asText();
                    assertThat(url).startsWith("data:image/png;base64,");
                    images.add(url.substring("data:image/png;base64,".length()));
                }
            }
        }
        return images;
    }
}
