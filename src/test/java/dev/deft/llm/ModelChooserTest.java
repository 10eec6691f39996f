package dev.deft.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelChooserTest {
    private MockWebServer ollama;

    @BeforeEach
    void start() throws IOException {
        ollama = new MockWebServer();
        ollama.start();
    }

    @AfterEach
    void stop() throws IOException {
        ollama.shutdown();
    }

    private ModelChooser chooser(String ollamaHost, boolean openaiConfigured) {
        return new ModelChooser(
                new ProviderConfig(ollamaHost, Optional.empty(), Optional.empty(), Optional.empty(), true),
                new ProviderConfig("http://127.0.0.1:1/v1", openaiConfigured ? Optional.of("sk-x") : Optional.empty(),
                        Optional.of("served-model"), Optional.empty(), openaiConfigured),
                new ProviderConfig(ModelChooser.ANTHROPIC_DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(),
                        false),
                Duration.ofSeconds(5), Duration.ofMillis(300), Backoff.standard(), Clock.systemUTC());
    }

    private void ollamaLists() {
        ollama.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(Fixtures.read("ollama/tags.json")));
    }

    @Test
    void ollamaHostIsReadAsOllamaReadsIt() {
        assertThat(ModelChooser.ollamaAddress("127.0.0.1")).isEqualTo("http://127.0.0.1:11434");
        assertThat(ModelChooser.ollamaAddress("0.0.0.0:11500")).isEqualTo("http://127.0.0.1:11500");
        assertThat(ModelChooser.ollamaAddress("https://gpu.example:443/")).isEqualTo("https://gpu.example:443");
    }

    @Test
    void autoTakesALocalOllamaFirstWithItsFirstModelAndKnowsWhichOnesSee() {
        ollamaLists();
        ollamaLists();

        LanguageModel first = chooser(ollama.url("/").toString(), true).choose(Optional.empty(), Optional.empty())
                .orElseThrow();
        LanguageModel llava = chooser(ollama.url("/").toString(), true).choose(Optional.empty(), Optional.of("llava:7b"))
                .orElseThrow();

        assertThat(first.provider()).isEqualTo("ollama");
        assertThat(first.model()).isEqualTo("qwen2.5:7b");
        assertThat(first.acceptsImages()).isFalse();
        assertThat(llava.acceptsImages()).isTrue();
    }

    @Test
    void autoPassesOverAnOllamaThatLacksTheAskedModelWhenAHostedOneIsSetUp() {
        ollamaLists();

        LanguageModel chosen = chooser(ollama.url("/").toString(), true)
                .choose(Optional.of("auto"), Optional.of("gpt-4.1")).orElseThrow();

        assertThat(chosen.provider()).isEqualTo("openai");
        assertThat(chosen.model()).isEqualTo("gpt-4.1");
    }

    @Test
    void withNoOllamaAndNothingConfiguredThereIsNoModel() {
        assertThat(chooser("127.0.0.1:1", false).choose(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aNamedOllamaThatDoesNotAnswerIsAConfigurationError() {
        assertThatThrownBy(() -> chooser("127.0.0.1:1", false).choose(Optional.of("ollama"), Optional.empty()))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessage("Cannot reach Ollama at http://127.0.0.1:1: start it with `ollama serve`, or set "
                        + "OLLAMA_HOST to where it runs.");
    }

    @Test
    void anUnknownProviderIsAConfigurationError() {
        assertThatThrownBy(() -> chooser("127.0.0.1:1", false).choose(Optional.of("gemini"), Optional.empty()))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("ollama, openai or anthropic");
    }
}
