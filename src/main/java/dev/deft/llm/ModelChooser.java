package dev.deft.llm;

import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import dev.deft.core.Require;
import dev.deft.llm.internal.ModelHttp;
import dev.deft.llm.internal.ollama.OllamaWire;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the language model a run uses. Named ({@code --provider}, or {@code "provider"} in config.json): that one,
 * or a one-line configuration error saying what is missing. {@code auto}: a local Ollama that answers a quick probe
 * and has a model, else a hosted provider the person configured (OpenAI-compatible, then Anthropic), else none.
 */
public final class ModelChooser {
    private static final Logger LOG = LoggerFactory.getLogger(ModelChooser.class);

    public static final String OLLAMA_DEFAULT = "http://127.0.0.1:11434";
    public static final String OPENAI_DEFAULT = "https://api.openai.com/v1";
    public static final String ANTHROPIC_DEFAULT = "https://api.anthropic.com";
    static final String OPENAI_DEFAULT_MODEL = "gpt-4.1-mini";
    static final String ANTHROPIC_DEFAULT_MODEL = "claude-sonnet-4-5";
    private static final Pattern SEES_OPENAI = Pattern.compile("gpt-4o|gpt-4\\.1|gpt-5|^o\\d|vision|vl\\b|-vl");
    private static final Pattern SEES_OLLAMA = Pattern.compile("llava|vision|-vl|vl:|vl$|gemma3|minicpm-v|moondream|bakllava|mistral-small3");

    private final ProviderConfig ollama;
    private final ProviderConfig openai;
    private final ProviderConfig anthropic;
    private final Duration timeout;
    private final Duration probe;
    private final Backoff backoff;
    private final Clock clock;

    public ModelChooser(ProviderConfig ollama, ProviderConfig openai, ProviderConfig anthropic, Duration timeout,
                        Duration probe, Backoff backoff, Clock clock) {
        this.ollama = Require.nonNull(ollama, "ollama");
        this.openai = Require.nonNull(openai, "openai");
        this.anthropic = Require.nonNull(anthropic, "anthropic");
        this.timeout = Require.nonNull(timeout, "timeout");
        this.probe = Require.nonNull(probe, "probe");
        this.backoff = Require.nonNull(backoff, "backoff");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * @param provider {@code ollama}, {@code openai}, {@code anthropic}, or empty / {@code auto}
     * @param model    the model asked for ({@code --model}, {@code DEFT_MODEL}), over each provider's own setting
     * @throws DeftException.Configuration when a named provider cannot be used as configured
     */
    public Optional<LanguageModel> choose(Optional<String> provider, Optional<String> model) {
        String name = provider.map(p -> p.strip().toLowerCase(Locale.ROOT)).orElse("auto");
        switch (name) {
            case "ollama":
                return Optional.of(ollama(model, true).orElseThrow());
            case "openai":
                return Optional.of(openai(model));
            case "anthropic":
                return Optional.of(anthropic(model));
            case "auto":
                return auto(model);
            default:
                throw new DeftException.Configuration("Unknown model provider \"" + name
                        + "\": use ollama, openai or anthropic.");
        }
    }

    private Optional<LanguageModel> auto(Optional<String> model) {
        Optional<LanguageModel> local = ollama(model, false);
        if (local.isPresent()) {
            return local;
        }
        if (openai.configured()) {
            return Optional.of(openai(model));
        }
        if (anthropic.configured()) {
            return Optional.of(anthropic(model));
        }
        return Optional.empty();
    }

    /** Ollama if it answers a quick probe and has the model (or, with none asked for, any model). */
    private Optional<LanguageModel> ollama(Optional<String> model, boolean required) {
        String base = ollamaAddress(ollama.baseUrl());
        ModelHttp http = new ModelHttp(OllamaChatModel.facts(new ModelEndpoint(base, Optional.empty(), "probe", false,
                timeout)), backoff, clock);
        Optional<String> tags = http.probe(base + "/api/tags", probe);
        if (tags.isEmpty()) {
            LOG.info("No Ollama answered at {} within {} ms", base, probe.toMillis());
            if (required) {
                throw new DeftException.Configuration("Cannot reach Ollama at " + base
                        + ": start it with `ollama serve`, or set OLLAMA_HOST to where it runs.");
            }
            return Optional.empty();
        }
        List<String> models = OllamaWire.models(tags.get());
        Optional<String> asked = wanted(model, ollama);
        String chosen;
        if (asked.isPresent()) {
            chosen = models.stream().filter(m -> sameModel(m, asked.get())).findFirst().orElse(asked.get());
            if (!required && models.stream().noneMatch(m -> sameModel(m, asked.get()))) {
                LOG.info("Ollama at {} lacks {}; it has {}", base, asked.get(), models);
                if (openai.configured() || anthropic.configured()) {
                    return Optional.empty();
                }
            }
        } else if (!models.isEmpty()) {
            chosen = models.get(0);
        } else {
            if (required) {
                throw new DeftException.Configuration("Ollama at " + base
                        + " has no models: pull one with `ollama pull qwen2.5`, or set DEFT_MODEL.");
            }
            LOG.info("Ollama at {} answers but has no models", base);
            return Optional.empty();
        }
        boolean images = ollama.images().orElse(SEES_OLLAMA.matcher(chosen.toLowerCase(Locale.ROOT)).find());
        return Optional.of(new OllamaChatModel(new ModelEndpoint(base, Optional.empty(), chosen, images, timeout),
                backoff, clock));
    }

    private LanguageModel openai(Optional<String> model) {
        boolean itself = openai.baseUrl().contains("://api.openai.com");
        if (itself && openai.apiKey().isEmpty()) {
            throw new DeftException.Configuration("No key for the OpenAI API: set OPENAI_API_KEY, or set "
                    + "OPENAI_BASE_URL to an OpenAI-compatible server of your own.");
        }
        String name = wanted(model, openai).orElseGet(() -> {
            if (itself) {
                return OPENAI_DEFAULT_MODEL;
            }
            throw new DeftException.Configuration("No model named for the server at " + openai.baseUrl()
                    + ": set DEFT_MODEL (or --model) to the model it serves.");
        });
        boolean images = openai.images().orElse(SEES_OPENAI.matcher(name.toLowerCase(Locale.ROOT)).find());
        return new OpenAiChatModel(new ModelEndpoint(openai.baseUrl(), openai.apiKey(), name, images, timeout),
                backoff, clock);
    }

    private LanguageModel anthropic(Optional<String> model) {
        if (anthropic.apiKey().isEmpty()) {
            throw new DeftException.Configuration("No key for the Anthropic API: set ANTHROPIC_API_KEY.");
        }
        String name = wanted(model, anthropic).orElse(ANTHROPIC_DEFAULT_MODEL);
        return new AnthropicChatModel(new ModelEndpoint(anthropic.baseUrl(), anthropic.apiKey(), name,
                anthropic.images().orElse(true), timeout), backoff, clock);
    }

    private static Optional<String> wanted(Optional<String> model, ProviderConfig provider) {
        return model.filter(m -> !m.isBlank()).or(provider::model);
    }

    private static boolean sameModel(String listed, String asked) {
        return listed.equals(asked) || listed.equals(asked + ":latest");
    }

    /** {@code OLLAMA_HOST} as Ollama itself reads it: {@code host}, {@code host:port} or a URL; 0.0.0.0 means here. */
    public static String ollamaAddress(String host) {
        String address = host.strip();
        if (!address.contains("://")) {
            address = "http://" + address;
        }
        address = address.replaceAll("/+$", "").replace("://0.0.0.0", "://127.0.0.1");
        String afterScheme = address.substring(address.indexOf("://") + 3);
        if (!afterScheme.contains(":") && !afterScheme.contains("/")) {
            address = address + ":11434";
        }
        return address;
    }
}
