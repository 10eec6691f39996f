package dev.deft.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.RunControl;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's input on its way to the SDK: cancellations stop runs, tool calls learn their request's id. */
class ProtocolInputTest {
    private final RunningCalls calls = new RunningCalls();

    private String through(String... lines) throws IOException {
        ProtocolInput input = new ProtocolInput(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8)), McpJsonDefaults.getMapper(), calls);
        String out = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(input.ended()).isDone();
        return out;
    }

    @Test
    void aToolCallCarriesItsRequestIdInMetaAndOtherMessagesPassAsTheyCame() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String out = through(ping, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"read_run\",\"arguments\":{},\"_meta\":{\"progressToken\":7}}}", "not json at all");

        assertThat(out.lines().toList()).hasSize(3);
        assertThat(out.lines().toList().get(0)).isEqualTo(ping);
        assertThat(out.lines().toList().get(1)).contains("\"_meta\":{\"progressToken\":7,\"dev.deft/request-id\":\"7\"}")
                .contains("\"name\":\"read_run\"");
        assertThat(out.lines().toList().get(2)).isEqualTo("not json at all");
    }

    @Test
    void aCancellationStopsTheRunOfTheRequestItNames() throws IOException {
        RunControl seven = new RunControl();
        RunControl eight = new RunControl();
        calls.started("7", seven);
        calls.started("8", eight);

        through("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,"
                + "\"reason\":\"changed my mind\"}}");

        assertThat(seven.isCancelled()).isTrue();
        assertThat(seven.reason()).isEqualTo("the client cancelled: changed my mind");
        assertThat(eight.isCancelled()).isFalse();
    }
}
