package dev.deft.cli;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deft} command. Every error a person can cause ends in one line on standard error and exit status 2;
 * a failed task exits 1, a refused approval 3; stack traces go to the log, never to the terminal.
 */
@Command(name = "deft", mixinStandardHelpOptions = true, versionProvider = DeftCli.Version.class,
        description = "Deft does what you ask in the browser and on the desktop, and asks before anything irreversible.",
        subcommands = {RunCommand.class, DemoCommand.class, HistoryCommand.class, ShowCommand.class, SecretsCommand.class,
                SkillsCommand.class, RecordCommand.class, McpCommand.class})
public final class DeftCli implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DeftCli.class);

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;

    private final CliContext context;

    DeftCli(CliContext context) {
        this.context = context;
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String[] args, Terminal terminal, Workspace.Opener opener, Clock clock) {
        return execute(args, terminal, opener, clock, McpServing.NONE);
    }

    /** Runs the command line, {@code deft mcp} serving with {@code mcp}, and returns its exit status. */
    public static int execute(String[] args, Terminal terminal, Workspace.Opener opener, Clock clock, McpServing mcp) {
        return execute(args, terminal, opener, clock, mcp, DesktopStarter.NONE);
    }

    /**
     * Runs the command line, {@code deft mcp} serving with {@code mcp} and {@code deft} alone starting
     * {@code desktop}, and returns its exit status.
     */
    public static int execute(String[] args, Terminal terminal, Workspace.Opener opener, Clock clock, McpServing mcp,
                              DesktopStarter desktop) {
        if (args.length == 0) {
            // the desktop app, without building the whole command line first: it is on the way to the window
            return startDesktop(terminal, desktop);
        }
        CliContext context = new CliContext(terminal, opener, clock, mcp, desktop);
        CommandLine line = new CommandLine(new DeftCli(context), new Factory(context));
        line.setOut(terminal.out());
        line.setErr(terminal.err());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, given) -> {
            String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            terminal.err().println("deft: " + Brief.firstLine(e.getMessage(), "unknown error") + " (see '" + help + "')");
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> failed(e, terminal));
        int code = line.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    private static int startDesktop(Terminal terminal, DesktopStarter desktop) {
        try {
            return desktop.start();
        } catch (Exception e) {
            return failed(e, terminal);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    /** A command's failure as one line on standard error, its details in the log; the exit status. */
    private static int failed(Exception e, Terminal terminal) {
        if (e instanceof DeftException.Configuration) {
            LOG.info("Configuration problem", e);
            terminal.err().println("deft: " + Brief.firstLine(e.getMessage(), "unknown error"));
            return USAGE;
        }
        if (e instanceof DeftException) {
            LOG.warn("Command failed", e);
            terminal.err().println("deft: " + Brief.firstLine(e.getMessage(), "unknown error"));
            return FAILED;
        }
        LOG.error("Unexpected failure", e);
        terminal.err().println("deft: unexpected error: " + Brief.firstLine(String.valueOf(e), "unknown error")
                + " (details are in the log in the data folder)");
        return FAILED;
    }

    @Override
    public Integer call() {
        return context.desktop().start();
    }

    /** Gives the subcommands the context through their constructors. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version from the build, as {@code deft --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = DeftCli.class.getResourceAsStream("/dev/deft/version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            return new String[] {"deft " + build.getProperty("version", "unknown")};
        }
    }
}
