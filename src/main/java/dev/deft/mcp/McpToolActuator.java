package dev.deft.mcp;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Require;
import dev.deft.core.Resolution;

/**
 * Performs calls of MCP servers' tools. It has no surface of its own: the loop goes on looking at the page or the
 * screen, and what a tool answered reaches the planner as the step's value, fenced as untrusted.
 */
public final class McpToolActuator implements Actuator {
    private final McpServers servers;
    private volatile boolean closed;

    public McpToolActuator(McpServers servers) {
        this.servers = Require.nonNull(servers, "servers");
    }

    @Override
    public String surface() {
        return "mcp";
    }

    @Override
    public boolean hasSurface() {
        return false;
    }

    @Override
    public boolean handles(Action action) {
        return action instanceof Action.CallTool;
    }

    @Override
    public Observation observe() {
        return Observation.NONE;
    }

    @Override
    public Outcome perform(Action action, ActGuard guard) {
        if (closed) {
            return Outcome.failed("This run's calls of MCP tools are over; start a new run to call a tool.");
        }
        if (!(action instanceof Action.CallTool call)) {
            return Outcome.failed("Only the tools of MCP servers are called here, not: " + action.describe());
        }
        // a tool acts on nothing Deft can see: the call as it is, classed by what the configuration says of it
        return guard.admit(Resolution.of(call, Observation.NONE)).orElseGet(() -> servers.call(call));
    }

    /** Ends this run's calls; the servers stay up, since they are the workspace's and it closes them. */
    @Override
    public void close() {
        closed = true;
    }
}
