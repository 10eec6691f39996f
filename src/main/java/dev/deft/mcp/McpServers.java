package dev.deft.mcp;

import dev.deft.core.Action;
import dev.deft.core.ExternalTool;
import dev.deft.core.Outcome;
import dev.deft.core.Require;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP servers of the configuration, whose tools Deft's planner may use. They are started together when their
 * tools are first asked for; one that does not start, does not answer in time or answers something that is not MCP
 * is reported in one line naming it, and Deft goes on with the others. Closed by its owner, once.
 */
public final class McpServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpServers.class);
    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() { };

    private final List<ServerSettings> settings;
    private final String version;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final Map<String, Connected> connected = new LinkedHashMap<>();
    private List<String> problems;

    /** A server that answered, with its tools. */
    private record Connected(ServerSettings settings, McpSyncClient client, List<ExternalTool> tools) {
    }

    /** @param version Deft's version, as it introduces itself to the servers */
    public McpServers(List<ServerSettings> settings, String version) {
        this.settings = List.copyOf(Require.nonNull(settings, "settings"));
        this.version = Require.nonBlank(version, "version");
    }

    public static McpServers none() {
        return new McpServers(List.of(), "0");
    }

    public List<ServerSettings> settings() {
        return settings;
    }

    /**
     * The tools of every server that answered, starting them on the first call; {@code problems} hears one line for
     * each server that did not, the first time only.
     */
    public synchronized List<ExternalTool> tools(Consumer<String> problems) {
        if (this.problems == null) {
            this.problems = connectAll();
            this.problems.forEach(problems);
        }
        return connected.values().stream().flatMap(c -> c.tools().stream()).toList();
    }

    private List<String> connectAll() {
        Map<ServerSettings, CompletableFuture<Connected>> starting = new LinkedHashMap<>();
        for (ServerSettings server : settings) {
            starting.put(server, CompletableFuture.supplyAsync(() -> connect(server)));
        }
        List<String> failed = new ArrayList<>();
        starting.forEach((server, future) -> {
            try {
                // the SDK bounds each request by the timeout; this bounds the two together, and a hang in between
                Connected done = future.get(server.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
                connected.put(server.name(), done);
                LOG.info("MCP server {} ({}) offers {} tools", server.name(), server.where(), done.tools().size());
            } catch (TimeoutException e) {
                future.cancel(true);
                failed.add(problem(server, "did not answer within " + server.timeout().toSeconds() + " s"));
            } catch (ExecutionException e) {
                LOG.warn("MCP server {} ({}) failed", server.name(), server.where(), e.getCause());
                failed.add(problem(server, why(e.getCause(), server)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(problem(server, "was not waited for (interrupted)"));
            }
        });
        return failed;
    }

    private static String problem(ServerSettings server, String what) {
        return "The MCP server \"" + server.name() + "\" (" + server.where() + ") " + what
                + "; Deft goes on without its tools.";
    }

    private Connected connect(ServerSettings server) {
        if (!server.command().isEmpty() && !Programs.runnable(server.command().get(0), server.env())) {
            // the SDK reports a program that cannot start only by waiting out the timeout
            throw new IllegalStateException("did not start: there is no program \"" + server.command().get(0)
                    + "\" (not found, or not executable)");
        }
        McpSyncClient client = McpClient.sync(transport(server))
                .requestTimeout(server.timeout())
                .initializationTimeout(server.timeout())
                .clientInfo(new McpSchema.Implementation("deft", version))
                .build();
        try {
            client.initialize();
            List<ExternalTool> tools = new ArrayList<>();
            for (McpSchema.Tool tool : client.listTools().tools()) {
                tools.add(new ExternalTool(server.name(), tool.name(), tool.description(), schemaOf(tool)));
            }
            return new Connected(server, client, List.copyOf(tools));
        } catch (RuntimeException e) {
            // closing waits for the process to end, which a server that hangs may not do soon: not on Deft's time
            Thread closer = new Thread(() -> closeQuietly(server.name(), client), "deft-mcp-close-" + server.name());
            closer.setDaemon(true);
            closer.start();
            throw e;
        }
    }

    private McpClientTransport transport(ServerSettings server) {
        if (server.url().isPresent()) {
            URI url = server.url().get();
            String base = url.getScheme() + "://" + url.getRawAuthority();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
            return HttpClientStreamableHttpTransport.builder(base).endpoint(path).build();
        }
        List<String> command = server.command();
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(server.env()).build(), json);
        transport.setStdErrorHandler(line -> LOG.info("[{}] {}", server.name(), line));
        return transport;
    }

    /** The tool's input schema as plain maps; a schema the SDK could not read is an object with any properties. */
    private Map<String, Object> schemaOf(McpSchema.Tool tool) {
        if (tool.inputSchema() == null) {
            return Map.of("type", "object");
        }
        Map<String, Object> schema = json.convertValue(tool.inputSchema(), OBJECT);
        schema.values().removeIf(java.util.Objects::isNull);
        return schema;
    }

    /** Calls one tool; what went wrong is an outcome, never an exception. */
    public Outcome call(Action.CallTool call) {
        Connected server;
        synchronized (this) {
            server = connected.get(call.server());
        }
        if (server == null) {
            return Outcome.failed("There is no MCP server \"" + call.server() + "\" running here.");
        }
        Map<String, Object> arguments;
        try {
            arguments = json.readValue(call.arguments(), OBJECT);
        } catch (IOException e) {
            return Outcome.failed("The arguments of " + call.tool() + " are not a JSON object: " + call.arguments());
        }
        String who = call.tool() + " of " + call.server();
        try {
            McpSchema.CallToolResult result = server.client().callTool(
                    new McpSchema.CallToolRequest(call.tool(), arguments));
            String text = ToolAnswer.text(result, json);
            if (Boolean.TRUE.equals(result.isError())) {
                return Outcome.failed(who + " answered with an error: " + oneLine(text.isBlank() ? "(no text)" : text));
            }
            return Outcome.read(text, who + " answered (" + text.length() + " characters).");
        } catch (RuntimeException e) {
            LOG.warn("Calling {} failed", who, e);
            return Outcome.failed(who + " failed: " + why(e, server.settings()));
        }
    }

    /** One line saying what went wrong, from the innermost cause that says something. */
    static String why(Throwable error, ServerSettings server) {
        if (error instanceof IllegalStateException && error.getMessage().startsWith("did not start")) {
            return error.getMessage();
        }
        Throwable cause = error;
        String message = null;
        while (cause != null) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return "did not answer within " + server.timeout().toSeconds() + " s";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return "failed (" + oneLine(message == null ? String.valueOf(error) : message) + ")";
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static void closeQuietly(String name, McpSyncClient client) {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("Closing the MCP server {} failed", name, e);
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // it is going away either way
            }
        }
    }

    @Override
    public synchronized void close() {
        connected.forEach((name, server) -> closeQuietly(name, server.client()));
        connected.clear();
    }
}
