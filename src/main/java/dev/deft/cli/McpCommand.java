package dev.deft.cli;

import dev.deft.core.ApprovalGate;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deft mcp}: serves Deft's tools to an MCP client (Claude Desktop, Cursor, VS Code, another agent) over
 * standard input and output, which then carry the protocol only. Approvals are asked on the terminal the process
 * belongs to ({@code /dev/tty}), where there is one; with none, or with {@code --approve deny}, they are refused.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve Deft's tools to an MCP client over standard input and output (see docs/MCP.md).")
final class McpCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);
    private static final String NOBODY = "nobody (no terminal or window to ask)";

    @Option(names = "--approve", paramLabel = "ask|deny", defaultValue = "ask",
            description = "Ask the person at this terminal before SEND, PAY, DELETE and ACCOUNT steps, or refuse them "
                    + "(default: ${DEFAULT-VALUE}).")
    private TerminalRun.ApproveMode approve;

    private final CliContext context;

    McpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Standard output is the protocol's: whatever else writes there (a library, a driver) goes to standard error.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Optional<Terminal> person = approve == TerminalRun.ApproveMode.ASK ? controllingTerminal() : Optional.empty();
        ApprovalGate gate = person.<ApprovalGate>map(t -> new TerminalApprovalGate(t, context.clock()))
                .orElseGet(() -> new RefusingApprovalGate(approve == TerminalRun.ApproveMode.DENY ? "--approve deny"
                        : NOBODY, context.clock()));
        String who = person.isPresent() ? "the person at the terminal where deft mcp runs"
                : approve == TerminalRun.ApproveMode.DENY ? "nobody: deft mcp runs with --approve deny, so such steps are refused"
                : "nobody: there is no terminal or window here to ask, so such steps are refused";
        try (Workspace workspace = context.opener().open()) {
            context.mcp().serve(workspace, gate, who, System.in, protocol);
        } finally {
            protocol.flush();
        }
        return DeftCli.DONE;
    }

    /** The terminal this process belongs to, if it has one: standard input and output are the client's. */
    private static Optional<Terminal> controllingTerminal() {
        try {
            FileInputStream in = new FileInputStream("/dev/tty");
            FileOutputStream out = new FileOutputStream("/dev/tty");
            PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
            return Optional.of(new Terminal(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    writer, writer, true));
        } catch (IOException | SecurityException e) {
            LOG.info("No terminal to ask for approvals ({}); such steps will be refused", e.getMessage());
            return Optional.empty();
        }
    }
}
