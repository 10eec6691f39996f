package dev.deft.llm;

import dev.deft.llm.internal.ProviderFacts;
import dev.deft.llm.internal.anthropic.AnthropicWire;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Claude model behind Anthropic's Messages API ({@code /v1/messages}), streamed as server-sent events. */
public final class AnthropicChatModel extends EndpointModel {

    public AnthropicChatModel(ModelEndpoint endpoint, Backoff backoff, Clock clock) {
        super("anthropic", endpoint, facts(endpoint), backoff, clock);
    }

    private static ProviderFacts facts(ModelEndpoint endpoint) {
        String name = endpoint.baseUrl().contains("://api.anthropic.com") ? "the Anthropic API"
                : "the Anthropic-compatible server at " + endpoint.baseUrl();
        return new ProviderFacts(name, java.util.Optional.of("ANTHROPIC_API_KEY"), "ANTHROPIC_BASE_URL",
                endpoint.model(), "set DEFT_MODEL (or --model) to a Claude model id such as claude-sonnet-4-5",
                "check the network and ANTHROPIC_BASE_URL", endpoint.timeout());
    }

    @Override
    public Reply chat(Request request, Stream stream) {
        String body = AnthropicWire.request(endpoint.model(), request, endpoint.images());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("anthropic-version", AnthropicWire.VERSION);
        headers.put("Accept", "text/event-stream, application/json");
        endpoint.apiKey().ifPresent(key -> headers.put("x-api-key", key));
        return http.post(endpoint.baseUrl() + "/v1/messages", headers, body,
                (response, type) -> type.equals("text/event-stream")
                        ? AnthropicWire.streamed(response.source(), stream)
                        : AnthropicWire.whole(response.string(), stream));
    }

    @Override
    public String toString() {
        return "Anthropic " + endpoint;
    }
}
