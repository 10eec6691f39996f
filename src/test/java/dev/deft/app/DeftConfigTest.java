package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import dev.deft.core.RiskClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeftConfigTest {
    @TempDir
    Path home;

    private DeftConfig load(String json, Map<String, String> env) throws Exception {
        Path file = home.resolve("config.json");
        Files.writeString(file, json);
        return DeftConfig.load(file, env);
    }

    @Test
    void aMissingFileIsAnEmptyOne() {
        DeftConfig config = DeftConfig.load(home.resolve("none.json"), Map.of());

        assertThat(config.stepTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.allowSites()).isEmpty();
        assertThat(config.riskRules()).isEmpty();
    }

    @Test
    void sitesRulesAndLimitsAreReadAndTheEnvironmentWins() throws Exception {
        DeftConfig config = load("""
                {"stepTimeoutSeconds": 20, "runTimeoutMinutes": 5,
                 "sites": {"allow": ["shop.example"], "deny": ["bank.example"]},
                 "riskRules": [{"site": "bank.example", "class": "pay"}, {"words": "feedback", "class": "SEND"}]}
                """, Map.of("DEFT_STEP_TIMEOUT_SECONDS", "7"));

        assertThat(config.stepTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.runTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.allowSites()).containsExactly("shop.example");
        assertThat(config.denySites()).containsExactly("bank.example");
        assertThat(config.riskRules()).extracting(r -> r.risk()).containsExactly(RiskClass.PAY, RiskClass.SEND);
    }

    @Test
    void aBadRuleOrValueIsNamed() {
        assertThatThrownBy(() -> load("{\"riskRules\": [{\"site\": \"x\", \"class\": \"SCARY\"}]}", Map.of()))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("riskRules[0]");
        assertThatThrownBy(() -> load("{\"riskRules\": [{\"class\": \"PAY\"}]}", Map.of()))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("needs a site");
        assertThatThrownBy(() -> load("{\"stepTimeoutSeconds\": -3}", Map.of()))
                .hasMessageContaining("stepTimeoutSeconds");
        assertThatThrownBy(() -> load("{}", Map.of("DEFT_RUN_TIMEOUT_MINUTES", "soon")))
                .hasMessageContaining("DEFT_RUN_TIMEOUT_MINUTES");
        assertThatThrownBy(() -> load("[1, 2]", Map.of())).hasMessageContaining("one JSON object");
    }

    @Test
    void mcpServersAreReadWithTheirCommandAddressTimeoutAndRisks() throws Exception {
        DeftConfig config = load("""
                {"mcpServers": {
                  "files": {"command": "mcp-server-filesystem", "args": ["/home/me/notes"], "env": {"A": "1"},
                            "risk": {"write_file": "delete"}},
                  "tickets": {"url": "http://127.0.0.1:8931/mcp", "timeoutSeconds": 5, "risk": {"*": "SEND"}}}}
                """, Map.of());

        assertThat(config.mcpServers()).hasSize(2);
        var files = config.mcpServers().get(0);
        assertThat(files.command()).containsExactly("mcp-server-filesystem", "/home/me/notes");
        assertThat(files.env()).containsEntry("A", "1");
        assertThat(files.toolRisks()).singleElement().hasToString("write_file of files is DELETE");
        var tickets = config.mcpServers().get(1);
        assertThat(tickets.url()).hasValueSatisfying(u -> assertThat(u).hasToString("http://127.0.0.1:8931/mcp"));
        assertThat(tickets.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(tickets.risks()).containsEntry("*", RiskClass.SEND);
    }

    @Test
    void aMalformedMcpServerIsOneLineNamingTheFileAndTheServer() {
        assertThatThrownBy(() -> load("{\"mcpServers\": {\"files\": {\"args\": [\"x\"]}}}", Map.of()))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageContaining("config.json, mcpServers.files").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> load("{\"mcpServers\": {\"t\": {\"url\": \"ftp://x\"}}}", Map.of()))
                .hasMessageContaining("mcpServers.t: \"url\" must be an http or https address");
        assertThatThrownBy(() -> load("{\"mcpServers\": {\"t\": {\"command\": \"x\", \"risk\": {\"a\": \"HUGE\"}}}}",
                Map.of())).hasMessageContaining("the risk of \"a\" must be one of");
    }
}
