package dev.deft.llm;

import dev.deft.llm.internal.ProviderFacts;
import dev.deft.llm.internal.openai.OpenAiWire;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model behind OpenAI's chat completions ({@code /chat/completions} with {@code tools}), as OpenAI, vLLM,
 * LM Studio, llama.cpp's server and OpenRouter serve it. Streamed as server-sent events; a server that answers
 * with one JSON object instead is read as well.
 */
public final class OpenAiChatModel extends EndpointModel {
    private final boolean openAiItself;

    public OpenAiChatModel(ModelEndpoint endpoint, Backoff backoff, Clock clock) {
        super("openai", endpoint, facts(endpoint, isOpenAiItself(endpoint)), backoff, clock);
        this.openAiItself = isOpenAiItself(endpoint);
    }

    private static boolean isOpenAiItself(ModelEndpoint endpoint) {
        return endpoint.baseUrl().contains("://api.openai.com");
    }

    private static ProviderFacts facts(ModelEndpoint endpoint, boolean openAiItself) {
        String name = openAiItself ? "the OpenAI API" : "the OpenAI-compatible server at " + endpoint.baseUrl();
        return new ProviderFacts(name, java.util.Optional.of("OPENAI_API_KEY"), "OPENAI_BASE_URL", endpoint.model(),
                "set DEFT_MODEL (or --model) to a model the server offers",
                "check OPENAI_BASE_URL and that the server is running", endpoint.timeout());
    }

    @Override
    public Reply chat(Request request, Stream stream) {
        String body = OpenAiWire.request(endpoint.model(), request, endpoint.images(),
                openAiItself ? "max_completion_tokens" : "max_tokens");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/event-stream, application/json");
        endpoint.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        return http.post(endpoint.baseUrl() + "/chat/completions", headers, body,
                (response, type) -> type.equals("text/event-stream")
                        ? OpenAiWire.streamed(response.source(), stream)
                        : OpenAiWire.whole(response.string(), stream));
    }

    @Override
    public String toString() {
        return "OpenAI-compatible " + endpoint;
    }
}
