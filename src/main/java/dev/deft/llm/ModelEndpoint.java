package dev.deft.llm;

import dev.deft.core.Require;
import java.time.Duration;
import java.util.Optional;

/**
 * Where one model is served and how to reach it.
 *
 * @param baseUrl the provider's base address: {@code http://127.0.0.1:11434} for Ollama,
 *                {@code https://api.openai.com/v1} for OpenAI (with the {@code /v1}), {@code https://api.anthropic.com}
 *                for Anthropic (without it)
 * @param timeout how long to wait for the first byte and between streamed chunks
 */
public record ModelEndpoint(String baseUrl, Optional<String> apiKey, String model, boolean images, Duration timeout) {
    public ModelEndpoint {
        baseUrl = Require.nonBlank(baseUrl, "baseUrl").replaceAll("/+$", "");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must start with http:// or https://, was " + baseUrl);
        }
        apiKey = apiKey == null ? Optional.empty() : apiKey.filter(key -> !key.isBlank()).map(String::strip);
        model = Require.nonBlank(model, "model");
        Require.nonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    }

    @Override
    public String toString() {
        // never the key
        return model + " at " + baseUrl;
    }
}
