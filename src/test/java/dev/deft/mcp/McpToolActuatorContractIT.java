package dev.deft.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.AbstractActuatorContractTest;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared actuator contract on the actuator that calls MCP servers' tools, against the notes server the MCP tests
 * start (a real MCP server in its own process), and what calling a tool adds to it.
 */
class McpToolActuatorContractIT extends AbstractActuatorContractTest {
    private static Path sent;
    private static McpServers servers;

    /** One notes server for the class: the actuator of each test calls it, as each run's calls the workspace's. */
    @BeforeAll
    static void startTheNotesServer() throws IOException {
        sent = Files.createTempDirectory("deft-mcp-contract").resolve("sent.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        servers = new McpServers(List.of(ServerSettings.command("notes", List.of(java, "-cp",
                System.getProperty("java.class.path"), NotesServer.class.getName(), sent.toString()))), "0-test");
        List<String> problems = new ArrayList<>();
        servers.tools(problems::add);
        assertThat(problems).as("the notes server starts").isEmpty();
    }

    @AfterAll
    static void stopTheNotesServer() {
        servers.close();
    }

    @Override
    protected Actuator newActuator() {
        return new McpToolActuator(servers);
    }

    /** Reading a note changes nothing. */
    @Override
    protected Action harmlessAction() {
        return new Action.CallTool("notes", "read_note", "{\"name\": \"groceries\"}");
    }

    @Test
    void whatTheToolAnsweredIsTheStepsValue() {
        Outcome outcome = actuator.perform(harmlessAction(), Guards.admitAll());

        assertThat(outcome).as(outcome.detail()).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done) outcome).value()).contains(NotesServer.GROCERIES);
    }

    @Test
    void aCallItsGuardRefusesNeverReachesTheServer() {
        Outcome outcome = actuator.perform(new Action.CallTool("notes", "send_note",
                "{\"to\": \"Bob\", \"text\": \"Lunch?\"}"), Guards.refusing());

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(sent).doesNotExist();
    }
}
