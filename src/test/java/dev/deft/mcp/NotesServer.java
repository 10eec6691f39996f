package dev.deft.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A small MCP server for tests, written with the Java SDK and started as its own process: {@code read_note} answers a
 * note's text, {@code send_note} appends what it sends to the file named by its first argument, so a test can see
 * whether it ran.
 */
public final class NotesServer {
    static final String GROCERIES = "eggs, milk, and a loaf of rye";
    private static final Map<String, String> NOTES = Map.of("groceries", GROCERIES);

    private NotesServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path sent = Path.of(args[0]);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpSchema.Tool read = McpSchema.Tool.builder().name("read_note").description("Read one of the person's notes.")
                .inputSchema(json, """
                        {"type": "object", "properties": {"name": {"type": "string", "description": "The note's name."}},
                         "required": ["name"]}""").build();
        McpSchema.Tool send = McpSchema.Tool.builder().name("send_note").description("Send a note to someone.")
                .inputSchema(json, """
                        {"type": "object", "properties": {"to": {"type": "string"}, "text": {"type": "string"}},
                         "required": ["to", "text"]}""").build();
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json))
                .serverInfo("notes", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(SyncToolSpecification.builder().tool(read).callHandler((exchange, call) -> {
                    String note = NOTES.get(String.valueOf(call.arguments().get("name")));
                    return note == null
                            ? McpSchema.CallToolResult.builder().addTextContent("No such note.").isError(true).build()
                            : McpSchema.CallToolResult.builder().addTextContent(note).build();
                }).build(), SyncToolSpecification.builder().tool(send).callHandler((exchange, call) -> {
                    try {
                        Files.writeString(sent, call.arguments() + "\n", StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return McpSchema.CallToolResult.builder().addTextContent("Sent.").build();
                }).build())
                .build();
        new CountDownLatch(1).await(); // serves until the client closes its end and ends the process
    }
}
