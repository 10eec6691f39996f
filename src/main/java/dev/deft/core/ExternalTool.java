package dev.deft.core;

import java.util.Map;

/**
 * A tool of another program that Deft was given (an MCP server from the configuration), as a planner may offer it
 * to a language model: which server has it, its name there, what it does, and its arguments' JSON schema.
 *
 * @param inputSchema a JSON schema as a tree of plain maps, lists, strings, numbers and booleans
 */
public record ExternalTool(String server, String name, String description, Map<String, Object> inputSchema) {
    public ExternalTool {
        server = Require.nonBlank(server, "server");
        name = Require.nonBlank(name, "name");
        description = description == null ? "" : description.strip();
        inputSchema = Map.copyOf(Require.nonNull(inputSchema, "inputSchema"));
    }
}
