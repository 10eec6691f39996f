package dev.deft.safety;

import dev.deft.core.Require;
import dev.deft.core.RiskClass;

/**
 * The class the configuration gives a tool of an MCP server, such as "send_message of chat is SEND". A tool no rule
 * names is SUBMIT; a rule can only raise that, so a SEND, PAY, DELETE or ACCOUNT tool waits for a person's yes.
 *
 * @param tool the tool's name on its server, or {@code *} for all of the server's tools
 */
public record ToolRisk(String server, String tool, RiskClass risk) {
    public static final String ANY = "*";

    public ToolRisk {
        server = Require.nonBlank(server, "server");
        tool = Require.nonBlank(tool, "tool");
        Require.nonNull(risk, "risk");
    }

    boolean matches(String calledServer, String calledTool) {
        return server.equals(calledServer) && (tool.equals(ANY) || tool.equals(calledTool));
    }

    @Override
    public String toString() {
        return tool + " of " + server + " is " + risk;
    }
}
