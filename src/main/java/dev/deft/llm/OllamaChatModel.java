package dev.deft.llm;

import dev.deft.llm.internal.ProviderFacts;
import dev.deft.llm.internal.ollama.OllamaWire;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A model served by Ollama, through its own {@code /api/chat} with tools, streamed as lines of JSON. */
public final class OllamaChatModel extends EndpointModel {

    public OllamaChatModel(ModelEndpoint endpoint, Backoff backoff, Clock clock) {
        super("ollama", endpoint, facts(endpoint), backoff, clock);
    }

    static ProviderFacts facts(ModelEndpoint endpoint) {
        return new ProviderFacts("Ollama at " + endpoint.baseUrl(), Optional.empty(), "OLLAMA_HOST", endpoint.model(),
                "pull it with `ollama pull " + endpoint.model() + "`, or set DEFT_MODEL to a model `ollama list` shows",
                "start it with `ollama serve`, or set OLLAMA_HOST to where it runs", endpoint.timeout());
    }

    @Override
    public Reply chat(Request request, Stream stream) {
        String body = OllamaWire.request(endpoint.model(), request, endpoint.images());
        return http.post(endpoint.baseUrl() + "/api/chat", Map.of(), body,
                (response, type) -> type.equals("application/json")
                        ? OllamaWire.whole(response.string(), stream)
                        : OllamaWire.streamed(response.source(), stream));
    }

    @Override
    public String toString() {
        return "Ollama " + endpoint;
    }
}
