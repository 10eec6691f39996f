package dev.deft.mcp;

import dev.deft.core.Require;
import dev.deft.core.RiskClass;
import dev.deft.safety.ToolRisk;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One MCP server as {@code config.json} names it under {@code mcpServers}: a program Deft starts and talks to over
 * its standard streams ({@code command} and {@code args}), or a Streamable HTTP endpoint ({@code url}).
 *
 * @param command the program and its arguments; empty for an HTTP server
 * @param timeout how long starting it, and each call of one of its tools, may take
 * @param risks   the class of each named tool ({@code *} for all of them); the rest are SUBMIT
 */
public record ServerSettings(String name, List<String> command, Map<String, String> env, Optional<URI> url,
                             Duration timeout, Map<String, RiskClass> risks) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ServerSettings {
        name = Require.nonBlank(name, "name");
        command = List.copyOf(command == null ? List.of() : command);
        env = Map.copyOf(env == null ? Map.of() : env);
        url = url == null ? Optional.empty() : url;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        risks = Map.copyOf(risks == null ? Map.of() : risks);
        if (command.isEmpty() == url.isEmpty()) {
            throw new IllegalArgumentException("the MCP server \"" + name + "\" needs either a command or a url");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the MCP server \"" + name + "\" needs a positive timeout");
        }
    }

    public static ServerSettings command(String name, List<String> command) {
        return new ServerSettings(name, command, Map.of(), Optional.empty(), DEFAULT_TIMEOUT, Map.of());
    }

    /** The classes these settings give the server's tools, for the risk policy. */
    public List<ToolRisk> toolRisks() {
        return risks.entrySet().stream().map(e -> new ToolRisk(name, e.getKey(), e.getValue())).toList();
    }

    /** How the server is reached, for messages: its command line or its address. */
    public String where() {
        return url.map(URI::toString).orElseGet(() -> String.join(" ", command));
    }
}
