package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import dev.deft.ui.Settings;
import dev.deft.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Settings kept in config.json, beside whatever else the person wrote there. */
class ConfigFileTest {
    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("DEFT_DATA_DIR", home.resolve("data").toString(), "DEFT_CONFIG",
                home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1");
    }

    @Test
    void savingKeepsTheOtherKeysAndTheWorkspaceUsesTheNewSettingsForItsNextRuns() throws Exception {
        Files.writeString(home.resolve("config.json"), """
                {"stepTimeoutSeconds": 30, "riskRules": [{"site": "bank.example", "class": "PAY"}],
                 "sites": {"deny": ["bank.example"]}}
                """);
        try (DeftWorkspace workspace = DeftWorkspace.open(env(), Clock.systemUTC())) {
            ConfigFile file = new ConfigFile(home.resolve("config.json"), workspace, new ModelCheck(env(), Clock.systemUTC()));
            Settings settings = new Settings("ollama", "qwen2.5:7b", "/usr/bin/chromium", "", "", "ctrl+alt+k", "",
                    List.of("127.0.0.1"), List.of("bank.example", "evil.example"), Theme.DARK);

            file.save(settings);

            assertThat(file.load()).isEqualTo(settings);
            String json = Files.readString(home.resolve("config.json"));
            assertThat(json).contains("\"stepTimeoutSeconds\" : 30").contains("\"riskRules\"").contains("\"dark\"");
            DeftConfig now = workspace.configuration();
            assertThat(now.allowSites()).containsExactly("127.0.0.1");
            assertThat(now.denySites()).containsExactly("bank.example", "evil.example");
            assertThat(now.models().model()).contains("qwen2.5:7b");
            assertThat(now.browser().chromium()).contains("/usr/bin/chromium");
            assertThat(now.stepTimeout().toSeconds()).isEqualTo(30);
        }
    }

    @Test
    void noFileIsTheDefaultsAndABrokenOneIsAOneLineError() throws Exception {
        try (DeftWorkspace workspace = DeftWorkspace.open(env(), Clock.systemUTC())) {
            ConfigFile file = new ConfigFile(home.resolve("config.json"), workspace, new ModelCheck(env(), Clock.systemUTC()));
            assertThat(file.load()).isEqualTo(Settings.defaults());

            Files.writeString(home.resolve("config.json"), "{\"llm\": ");

            assertThatThrownBy(file::load).isInstanceOf(DeftException.Configuration.class)
                    .hasMessageContaining("config.json").hasMessageNotContaining("\n");
        }
    }

    @Test
    void theTestButtonSaysInOneLineThatNoModelAnswers() throws Exception {
        try (DeftWorkspace workspace = DeftWorkspace.open(env(), Clock.systemUTC())) {
            ConfigFile file = new ConfigFile(home.resolve("config.json"), workspace, new ModelCheck(env(), Clock.systemUTC()));

            assertThat(file.testModel(Settings.defaults())).isEqualTo(DeftWorkspace.NO_MODEL);
            assertThat(file.testModel(new Settings("ollama", "", "", "", "", "", "", List.of(), List.of(), Theme.SYSTEM)))
                    .startsWith("Not reachable: Cannot reach Ollama at http://127.0.0.1:1");
        }
    }
}
