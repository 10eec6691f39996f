package dev.deft.cli;

import java.time.Clock;

/** What every command is given: the terminal, a way to open the workspace, the clock, and the desktop app. */
record CliContext(Terminal terminal, Workspace.Opener opener, Clock clock, DesktopStarter desktop) {
}
