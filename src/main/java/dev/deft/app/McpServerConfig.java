package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.DeftException;
import dev.deft.core.RiskClass;
import dev.deft.mcp.ServerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code mcpServers} from {@code config.json}, in the shape MCP clients use, with Deft's two additions:
 * <pre>{@code
 * "mcpServers": {
 *   "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/notes"],
 *             "env": {}, "timeoutSeconds": 30, "risk": {"write_file": "DELETE"}},
 *   "tickets": {"url": "http://127.0.0.1:8931/mcp", "risk": {"*": "SEND"}}
 * }}</pre>
 * A malformed entry is a one-line error naming the file and the server.
 */
final class McpServerConfig {
    private McpServerConfig() {
    }

    static List<ServerSettings> read(JsonNode servers, Path file) {
        if (servers.isMissingNode() || servers.isNull()) {
            return List.of();
        }
        if (!servers.isObject()) {
            throw new DeftException.Configuration("In " + file + ", \"mcpServers\" must be an object of servers by name.");
        }
        List<ServerSettings> settings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = servers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            settings.add(server(entry.getKey(), entry.getValue(), "In " + file + ", mcpServers." + entry.getKey()));
        }
        return settings;
    }

    private static ServerSettings server(String name, JsonNode server, String where) {
        if (!server.isObject()) {
            throw new DeftException.Configuration(where + " must be an object with a \"command\" or a \"url\".");
        }
        List<String> command = new ArrayList<>();
        text(server, "command", where).ifPresent(command::add);
        JsonNode args = server.path("args");
        if (!args.isMissingNode() && !args.isNull()) {
            if (!args.isArray() || command.isEmpty()) {
                throw new DeftException.Configuration(where + ": \"args\" must be a list of strings after a \"command\".");
            }
            args.forEach(arg -> command.add(arg.asText()));
        }
        Optional<URI> url = text(server, "url", where).map(u -> address(u, where));
        if (command.isEmpty() == url.isEmpty()) {
            throw new DeftException.Configuration(where + " needs either a \"command\" (with \"args\") or a \"url\".");
        }
        JsonNode timeout = server.path("timeoutSeconds");
        long seconds = timeout.isMissingNode() || timeout.isNull() ? ServerSettings.DEFAULT_TIMEOUT.toSeconds()
                : timeout.canConvertToLong() && timeout.asLong() > 0 ? timeout.asLong() : -1;
        if (seconds <= 0) {
            throw new DeftException.Configuration(where + ": \"timeoutSeconds\" must be a positive whole number, was "
                    + timeout + ".");
        }
        return new ServerSettings(name, command, strings(server.path("env"), "env", where), url,
                Duration.ofSeconds(seconds), risks(server.path("risk"), where));
    }

    private static Optional<String> text(JsonNode node, String key, String where) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new DeftException.Configuration(where + ": \"" + key + "\" must be text.");
        }
        return Optional.of(value.asText().strip());
    }

    private static URI address(String url, String where) {
        try {
            URI address = URI.create(url);
            if (address.getScheme() == null || !address.getScheme().matches("(?i)https?") || address.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) address");
            }
            return address;
        } catch (IllegalArgumentException e) {
            throw new DeftException.Configuration(where + ": \"url\" must be an http or https address, was \"" + url + "\".");
        }
    }

    private static Map<String, String> strings(JsonNode node, String key, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new DeftException.Configuration(where + ": \"" + key + "\" must be an object of names and values.");
        }
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static Map<String, RiskClass> risks(JsonNode node, String where) {
        Map<String, RiskClass> risks = new LinkedHashMap<>();
        strings(node, "risk", where).forEach((tool, risk) -> {
            try {
                risks.put(tool, RiskClass.valueOf(risk.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DeftException.Configuration(where + ": the risk of \"" + tool + "\" must be one of SUBMIT, "
                        + "SEND, PAY, DELETE, ACCOUNT, was \"" + risk + "\".");
            }
        });
        return risks;
    }
}
