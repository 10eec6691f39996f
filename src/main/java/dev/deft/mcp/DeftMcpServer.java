package dev.deft.mcp;

import dev.deft.core.ApprovalGate;
import dev.deft.core.Require;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deft mcp}: Deft served to an MCP client over standard input and output, until the client closes its end.
 * Only protocol goes out on {@code out}; the log goes to Deft's log file.
 */
public final class DeftMcpServer {
    private static final Logger LOG = LoggerFactory.getLogger(DeftMcpServer.class);
    static final String INSTRUCTIONS = "Deft does tasks on this computer in the web browser and desktop applications. "
            + "Give run_request a request in plain words; read_run shows what each step did. Steps that send, pay, "
            + "delete or change an account wait for the person's own yes, which a calling agent cannot give.";

    private final Workbench bench;
    private final ApprovalGate gate;
    private final String whoApproves;
    private final String version;

    /**
     * @param whoApproves who {@code gate} asks, in words for the tools' descriptions ("the person at the terminal",
     *                    "nobody: with no terminal or window here, such steps are refused")
     */
    public DeftMcpServer(Workbench bench, ApprovalGate gate, String whoApproves, String version) {
        this.bench = Require.nonNull(bench, "bench");
        this.gate = Require.nonNull(gate, "gate");
        this.whoApproves = Require.nonBlank(whoApproves, "whoApproves");
        this.version = Require.nonBlank(version, "version");
    }

    /** Serves until the client closes {@code in}; runs still going then are stopped. */
    public void serve(InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        RunningCalls calls = new RunningCalls();
        ProtocolInput input = new ProtocolInput(in, json, calls);
        ServedTools tools = new ServedTools(bench, gate, whoApproves, calls, json);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, input, out))
                .serverInfo("deft", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.all())
                .build();
        LOG.info("Serving Deft over MCP (stdio)");
        input.ended().join();
        LOG.info("The MCP client closed its end; stopping");
        calls.cancelAll("the MCP client went away");
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("Closing the MCP server failed", e);
        }
    }
}
