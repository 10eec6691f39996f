package dev.deft.cli;

import java.time.Clock;

/**
 * What every command is given: the terminal, a way to open the workspace, the clock, the MCP server's wiring, and
 * the desktop app.
 */
record CliContext(Terminal terminal, Workspace.Opener opener, Clock clock, McpServing mcp, DesktopStarter desktop) {
}
