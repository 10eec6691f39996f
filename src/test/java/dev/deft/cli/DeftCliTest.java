package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.app.DeftWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeftCliTest {
    @TempDir
    Path home;

    private Workspace.Opener workspaceIn(Path data) {
        // no model anywhere, even on a machine where Ollama runs: port 1 refuses at once
        Map<String, String> env = Map.of("DEFT_DATA_DIR", data.toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "DEFT_VAULT_PASSPHRASE", "test passphrase",
                "OLLAMA_HOST", "127.0.0.1:1", "DEFT_BUILTIN_SKILLS", home.resolve("no-built-in-skills").toString());
        return () -> DeftWorkspace.open(env, Clock.systemUTC());
    }

    private CliRun deft(String... args) {
        return CliRun.of(workspaceIn(home.resolve("data")), "", false, args);
    }

    @Test
    void aRequestThatNeedsNoBrowserRunsEndToEndAndPrintsTheEventStream() {
        CliRun run = deft("run", "--json", "finish");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.events()).extracting(e -> e.get("event").asText())
                .containsExactly("run_started", "plan_made", "step_planned", "step_finished", "run_finished");
        JsonNode started = run.events().get(0);
        assertThat(started.get("request").asText()).isEqualTo("finish");
        assertThat(started.get("planner").asText()).isEqualTo("auto");
        assertThat(run.events()).allSatisfy(e -> assertThat(e.get("run").asText()).isEqualTo(started.get("run").asText()));
        JsonNode planned = run.last("step_planned");
        assertThat(planned.get("step").asInt()).isEqualTo(1);
        assertThat(planned.get("risk").asText()).isEqualTo("READ");
        assertThat(run.last("step_finished").get("status").asText()).isEqualTo("done");
        assertThat(run.last("step_finished").get("millis").isIntegralNumber()).isTrue();
        JsonNode finished = run.last("run_finished");
        assertThat(finished.get("status").asText()).isEqualTo("done");
        assertThat(finished.get("steps").asInt()).isEqualTo(1);
        assertThat(finished.get("llm_calls").asInt()).isZero();
        assertThat(finished.get("summary").asText()).isNotBlank();
    }

    @Test
    void historyListsTheRunAndShowOpensIt() {
        String id = deft("run", "--json", "finish with \"all tidy\"").events().get(0).get("run").asText();

        CliRun history = deft("history");
        CliRun show = deft("show", id.substring(0, id.length() - 2));

        assertThat(history.status()).isZero();
        assertThat(history.out()).contains(id).contains("done").contains("finish with \"all tidy\"");
        assertThat(show.status()).isZero();
        assertThat(show.out()).contains("Run " + id).contains("all tidy").contains("1. Finish: all tidy  [READ]  done");
    }

    @Test
    void historyAndShowSpeakJsonToo() {
        String id = deft("run", "--json", "finish").events().get(0).get("run").asText();

        assertThat(deft("history", "--json").events()).singleElement()
                .satisfies(run -> assertThat(run.get("status").asText()).isEqualTo("done"));
        assertThat(deft("show", "--json", id).events()).singleElement()
                .satisfies(run -> assertThat(run.get("timeline").get(0).get("kind").asText()).isEqualTo("finish"));
    }

    @Test
    void aRequestDeftCannotDoFailsWithExitOneAndSaysWhatWouldHelp() {
        CliRun run = deft("run", "--json", "book me a flight to Mumbai");

        assertThat(run.status()).isEqualTo(1);
        JsonNode finished = run.last("run_finished");
        assertThat(finished.get("status").asText()).isEqualTo("failed");
        assertThat(finished.get("steps").asInt()).isZero();
        assertThat(finished.get("summary").asText()).contains("did not understand").contains("language model");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"book me a flight to Mumbai", "xq zzv blorp wibble",
            "asdfghjkl", "   ", "please make everything better"})
    void aRequestWithNoModelToReadItIsRefusedInOneLineBeforeAnyAction(String request) {
        CliRun run = deft("run", "--json", request);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.events()).extracting(e -> e.get("event").asText()).doesNotContain("step_planned", "approval_requested");
        JsonNode finished = run.last("run_finished");
        assertThat(finished.get("status").asText()).isEqualTo("failed");
        assertThat(finished.get("steps").asInt()).isZero();
        assertThat(finished.get("summary").asText()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void demoListPrintsTheExampleRequestsOneALine() {
        CliRun list = deft("demo", "--list");

        assertThat(list.status()).isZero();
        assertThat(list.err()).isEmpty();
        assertThat(list.out().lines().toList()).hasSizeGreaterThanOrEqualTo(3)
                .contains("open the shop, search for usb cable, add the cheapest to the cart and check out")
                .allSatisfy(line -> assertThat(line).isNotBlank().doesNotStartWith("Run "));
    }

    @Test
    void anEmptyRequestFailsAndTakesNoAction() {
        CliRun run = deft("run", "--json", "");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.events()).extracting(e -> e.get("event").asText()).doesNotContain("step_planned");
        assertThat(run.last("run_finished").get("summary").asText()).contains("empty");
    }

    @Test
    void aRequestNoSkillFitsFailsSayingWhichSkillsThereAre() {
        CliRun run = deft("run", "--planner", "skill", "finish");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("No skill fits this request. There are no skills yet; record one with `deft record NAME`.");
    }

    @Test
    void badUsageGetsOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "x");
        Map<String, CliRun> cases = Map.of(
                "unknown flag", deft("run", "--frobnicate", "finish"),
                "unknown planner", deft("run", "--planner", "magic", "finish"),
                "no steps", deft("run", "--max-steps", "0", "finish"),
                "profile and incognito", deft("run", "--profile", "/tmp/p", "--incognito", "finish"),
                "unknown command", deft("fly"),
                "no request", deft("run"),
                "unusable data folder", CliRun.of(workspaceIn(file), "", false, "run", "finish"));

        cases.forEach((name, run) -> {
            assertThat(run.status()).as(name).isEqualTo(2);
            assertThat(run.err().lines()).as(name + ": " + run.err()).hasSize(1);
            assertThat(run.err()).as(name).startsWith("deft: ").doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(cases.get("unknown flag").err()).contains("--frobnicate");
        assertThat(cases.get("unknown planner").err()).contains("magic");
        assertThat(cases.get("no steps").err()).contains("--max-steps");
        assertThat(cases.get("unusable data folder").err()).contains(file.toString()).contains("DEFT_DATA_DIR");
    }

    @Test
    void aMalformedConfigurationIsNamedWithItsLine() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\n  \"stepTimeoutSeconds\": 30,\n  oops\n}");

        CliRun run = deft("run", "finish");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("config.json").contains("line 3").hasLineCount(1);
    }

    @Test
    void theVersionAnswersAndDeftAloneWithoutAWindowSaysSoInOneLine() {
        assertThat(deft("--version").out().strip()).matches("deft \\d+\\.\\d+\\.\\d+.*");
        CliRun bare = deft(new String[0]);
        assertThat(bare.status()).isEqualTo(2);
        assertThat(bare.err()).contains("desktop app is not part of this build").hasLineCount(1);
    }

    @Test
    void withApproveDenyARiskyStepIsRefusedUnaskedAndTheRunExitsThree() {
        ShopWorkspace shop = new ShopWorkspace(home.resolve("data"));

        CliRun run = CliRun.of(() -> shop, "y\n", true, "run", "--json", "--approve", "deny", "buy it");

        assertThat(run.status()).isEqualTo(3);
        assertThat(shop.shop.performed).isEmpty();
        assertThat(run.last("approval_requested").get("risk").asText()).isEqualTo("PAY");
        JsonNode decided = run.last("approval_decided");
        assertThat(decided.get("approved").asBoolean()).isFalse();
        assertThat(decided.get("by").asText()).isEqualTo("--approve deny");
        assertThat(run.last("run_finished").get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void withNoTerminalAndNoWindowARiskyStepIsRefused() {
        ShopWorkspace shop = new ShopWorkspace(home.resolve("data"));

        CliRun run = CliRun.of(() -> shop, "y\n", false, "run", "buy it");

        assertThat(run.status()).isEqualTo(3);
        assertThat(shop.shop.performed).isEmpty();
        assertThat(run.out()).contains("rejected by nobody");
    }

    @Test
    void aPersonAtTheTerminalSeesTheCardAndTheirYesLetsTheStepThrough() {
        ShopWorkspace shop = new ShopWorkspace(home.resolve("data"));

        CliRun run = CliRun.of(() -> shop, "y\n", true, "run", "buy it");

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("Approval needed: PAY").contains("Click text \"Place order\"").contains("[y/N]");
        assertThat(shop.shop.performed).hasSize(1);
    }

    @Test
    void anythingButYesAtTheTerminalIsNo() {
        ShopWorkspace shop = new ShopWorkspace(home.resolve("data"));

        CliRun run = CliRun.of(() -> shop, "sure, why not\n", true, "run", "buy it");

        assertThat(run.status()).isEqualTo(3);
        assertThat(shop.shop.performed).isEmpty();
    }

    @Test
    void aSecretIsKeptListedByNameOnlyAndRemoved() throws Exception {
        CliRun set = CliRun.of(workspaceIn(home.resolve("data")), "hunter2hunter2\n", false, "secrets", "set", "shop");

        assertThat(set.status()).as(set.err()).isZero();
        assertThat(set.out()).contains("{{secret:shop}}").doesNotContain("hunter2");
        assertThat(deft("secrets", "list").out().strip()).isEqualTo("shop");
        assertThat(Files.readString(home.resolve("data").resolve("vault.properties"))).doesNotContain("hunter2");
        assertThat(deft("secrets", "remove", "shop").status()).isZero();
        assertThat(deft("secrets", "list").out()).isBlank();
        assertThat(deft("secrets", "remove", "shop").status()).isEqualTo(2);
    }

    @Test
    void withoutAPassphraseOrAKeyringTheVaultSaysWhatWouldOpenIt() {
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "DEFT_KEYRING", "off");
        CliRun run = CliRun.of(() -> DeftWorkspace.open(env, Clock.systemUTC()), "x\n", false, "secrets", "set", "s");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("DEFT_VAULT_PASSPHRASE").hasLineCount(1);
        assertThat(home.resolve("data").resolve("vault.properties")).doesNotExist();
    }
}
