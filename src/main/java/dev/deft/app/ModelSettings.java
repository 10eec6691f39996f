package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.DeftException;
import dev.deft.llm.Backoff;
import dev.deft.llm.ModelChooser;
import dev.deft.llm.ProviderConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language-model part of the configuration: {@code "llm"}, {@code "ollama"}, {@code "openai"} and
 * {@code "anthropic"} in config.json, with {@code DEFT_PROVIDER}, {@code DEFT_MODEL}, {@code OLLAMA_HOST},
 * {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY} and {@code ANTHROPIC_BASE_URL} over it.
 * docs/MODELS.md shows each.
 */
public record ModelSettings(Optional<String> provider, Optional<String> model, Duration timeout, int attempts,
                            Duration probe, ProviderConfig ollama, ProviderConfig openai, ProviderConfig anthropic) {

    static ModelSettings read(JsonNode root, Map<String, String> env, Path file) {
        JsonNode llm = root.path("llm");
        Optional<String> provider = first(env.get("DEFT_PROVIDER"), text(llm, "provider"))
                .map(p -> p.toLowerCase(Locale.ROOT));
        provider.filter(p -> !p.matches("auto|ollama|openai|anthropic")).ifPresent(p -> {
            throw new DeftException.Configuration("The model provider \"" + p + "\" (DEFT_PROVIDER or \"llm\": "
                    + "{\"provider\"} in " + file + ") is not one of auto, ollama, openai, anthropic.");
        });
        Optional<String> model = first(env.get("DEFT_MODEL"), text(llm, "model"));
        long timeout = DeftConfig.number(env, "DEFT_LLM_TIMEOUT_SECONDS", llm, "timeoutSeconds", 120, file);
        long attempts = DeftConfig.number(Map.of(), "", llm, "attempts", 3, file);
        long probe = DeftConfig.number(Map.of(), "", llm, "probeMillis", 2000, file);

        JsonNode ollama = root.path("ollama");
        String ollamaHost = first(env.get("OLLAMA_HOST"), text(ollama, "host")).orElse(ModelChooser.OLLAMA_DEFAULT);

        JsonNode openai = root.path("openai");
        Optional<String> openaiBase = first(env.get("OPENAI_BASE_URL"), text(openai, "baseUrl"));
        Optional<String> openaiKey = first(env.get("OPENAI_API_KEY"), text(openai, "apiKey"));

        JsonNode anthropic = root.path("anthropic");
        Optional<String> anthropicBase = first(env.get("ANTHROPIC_BASE_URL"), text(anthropic, "baseUrl"));
        Optional<String> anthropicKey = first(env.get("ANTHROPIC_API_KEY"), text(anthropic, "apiKey"));

        return new ModelSettings(provider.filter(p -> !p.equals("auto")), model, Duration.ofSeconds(timeout),
                (int) attempts, Duration.ofMillis(probe),
                new ProviderConfig(ModelChooser.ollamaAddress(ollamaHost), Optional.empty(), text(ollama, "model"),
                        bool(ollama, "images"), true),
                new ProviderConfig(url(openaiBase.orElse(ModelChooser.OPENAI_DEFAULT), "OPENAI_BASE_URL"), openaiKey,
                        text(openai, "model"), bool(openai, "images"), openaiKey.isPresent() || openaiBase.isPresent()),
                new ProviderConfig(url(anthropicBase.orElse(ModelChooser.ANTHROPIC_DEFAULT), "ANTHROPIC_BASE_URL"),
                        anthropicKey, text(anthropic, "model"), bool(anthropic, "images"), anthropicKey.isPresent()));
    }

    /** The chooser for these settings, with the real sleeper. */
    public ModelChooser chooser(Clock clock) {
        return new ModelChooser(ollama, openai, anthropic, timeout, probe,
                Backoff.standard().withAttempts(attempts), clock);
    }

    private static String url(String value, String variable) {
        String url = value.strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new DeftException.Configuration(variable + " must be an http:// or https:// address, was \"" + url + "\".");
        }
        return url;
    }

    private static Optional<String> first(String fromEnv, Optional<String> fromFile) {
        return fromEnv != null && !fromEnv.isBlank() ? Optional.of(fromEnv.strip()) : fromFile;
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
    }
}
