package dev.deft.cli;

import dev.deft.core.ApprovalGate;
import java.io.InputStream;
import java.io.OutputStream;

/** Serves a workspace to an MCP client over a pair of streams until the client closes its end; wired by the app. */
@FunctionalInterface
public interface McpServing {

    /** @param whoApproves who {@code gate} asks before a SEND, PAY, DELETE or ACCOUNT step, in words for a client */
    void serve(Workspace workspace, ApprovalGate gate, String whoApproves, InputStream in, OutputStream out);

    /** For a build without an MCP server. */
    McpServing NONE = (workspace, gate, who, in, out) -> {
        throw new dev.deft.core.DeftException.Configuration("deft mcp is not part of this build.");
    };
}
