package dev.deft.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deft mcp} driven by a client no one here wrote: the official MCP TypeScript SDK's {@code Client} over
 * {@code StdioClientTransport} (installed into target/mcp-client by the build), which spawns Deft as an editor would,
 * lists its tools, runs requests on the bundled demo sites, and cancels one. Deft runs in a session of its own with no
 * terminal, so no person is there to approve anything.
 */
class McpServerIT {
    private static final Path CLIENT = Path.of("target", "mcp-client").toAbsolutePath();
    private static JsonNode seen;

    @TempDir
    static Path home;

    @BeforeAll
    static void driveDeftWithTheTypeScriptClient() throws Exception {
        assertThat(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
                .as("the TypeScript SDK, which the build installs with npm before the integration tests").exists();
        Path script = CLIENT.resolve("deft-client.mjs");
        try (InputStream in = McpServerIT.class.getResourceAsStream("/mcp/deft-client.mjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // no controlling terminal, so deft mcp has no one to ask
        }
        command.addAll(List.of("node", script.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), home.resolve("data").toString(),
                home.resolve("config.json").toString()));
        Process client = new ProcessBuilder(command).directory(CLIENT.toFile())
                .redirectError(home.resolve("client-stderr.txt").toFile()).start();
        client.getOutputStream().close();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(client.exitValue()).as(Files.readString(home.resolve("client-stderr.txt"))).isZero();
        seen = new ObjectMapper().readTree(out);
    }

    @Test
    void theClientListsDeftsToolsEachWithASchemaAndADescription() {
        assertThat(seen.get("server").get("name").asText()).isEqualTo("deft");
        List<String> names = new ArrayList<>();
        seen.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsExactly("run_request", "list_skills", "run_skill", "observe_page", "read_run");
        seen.get("tools").forEach(tool -> {
            assertThat(tool.get("description").asText()).as(tool.get("name").asText()).hasSizeGreaterThan(60);
            assertThat(tool.get("inputSchema").get("type").asText()).isEqualTo("object");
        });
        assertThat(seen.get("tools").get(0).get("inputSchema").get("required").get(0).asText()).isEqualTo("request");
    }

    @Test
    void aRequestOnTheDemoShopRunsToCompletionWithProgressAfterEachStep() {
        JsonNode result = seen.get("read").get("structuredContent");
        assertThat(result.get("status").asText()).isEqualTo("done");
        assertThat(result.get("summary").asText()).isEqualTo("€24.90");
        assertThat(result.get("run").asText()).matches("\\d{8}-\\d{6}-\\w+");
        assertThat(seen.get("read").get("content").get(0).get("text").asText()).startsWith("Done: €24.90\n");
        List<String> progress = texts(seen.get("readProgress"));
        assertThat(progress).hasSizeGreaterThanOrEqualTo(result.get("steps").asInt() * 2)
                .anyMatch(line -> line.startsWith("Step 3: Click \"Blue Teapot\""));
        assertThat(seen.get("observe").get("content").get(0).get("text").asText())
                .contains("Title: Blue Teapot").contains("<<<UNTRUSTED browser ").contains("button \"Add to cart\"");
    }

    @Test
    void aRunThatReachesAPayStepWithNoPersonThereIsRejectedAndTheShopRecordsNoOrder() {
        JsonNode result = seen.get("checkout").get("structuredContent");
        assertThat(result.get("status").asText()).isEqualTo("rejected");
        assertThat(seen.get("checkout").get("content").get(0).get("text").asText())
                .contains("nobody (no terminal or window to ask)").contains("a calling agent cannot approve");
        JsonNode run = seen.get("checkoutRun").get("structuredContent");
        assertThat(run.get("approvals")).singleElement().satisfies(approval -> {
            assertThat(approval.get("risk").asText()).isEqualTo("PAY");
            assertThat(approval.get("approved").asBoolean()).isFalse();
        });
        assertThat(seen.get("shopRecord").get("orders")).as("orders the demo shop took").isEmpty();
    }

    @Test
    void aRequestTheClientCancelsStopsItsRun() {
        assertThat(seen.get("cancelError").asText()).contains("the test has seen enough");
        JsonNode run = seen.get("afterCancel");
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("summary").asText()).contains("the client cancelled: the test has seen enough");
        assertThat(run.get("steps").asInt()).isEqualTo(2);
    }

    @Test
    void skillsAreListedHonestlyAndBadInputIsOneLine() {
        assertThat(seen.get("skills").get("content").get(0).get("text").asText()).startsWith("No skills yet.");
        assertThat(seen.get("unknownSkill").get("isError").asBoolean()).isTrue();
        assertThat(seen.get("unknownSkill").get("content").get(0).get("text").asText())
                .isEqualTo("There is no skill named \"order a pizza\"; the skills are: none yet.");
        assertThat(seen.get("blankRequest").get("isError").asBoolean()).isTrue();
        assertThat(seen.get("blankRequest").get("content").get(0).get("text").asText()).doesNotContain("\n");
    }

    @Test
    void standardOutputCarriesOnlyTheProtocolAndStandardErrorStaysQuiet() {
        // the client would have failed on any line of standard output that is not JSON-RPC; the log goes to a file
        assertThat(seen.get("stderr").asText()).isEmpty();
        assertThat(home.resolve("data/deft.log")).content().contains("Serving Deft over MCP (stdio)");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
