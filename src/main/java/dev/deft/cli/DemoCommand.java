package dev.deft.cli;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deft demo}: starts the bundled demo sites and runs a short tour of example requests on them with the
 * built-in planner, step by step as {@code deft run} shows them; {@code --list} prints the requests only.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a short tour of example requests on the bundled offline demo sites.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--list", description = "Print the example requests, one a line, and stop.")
    private boolean list;

    @Option(names = "--headless", description = "Run the browser without a window.")
    private boolean headless;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.terminal().out();
        try (Workspace workspace = context.opener().open()) {
            List<String> requests = workspace.demoRequests();
            if (list) {
                requests.forEach(out::println);
                return DeftCli.DONE;
            }
            boolean windowless = headless || !workspace.canShowWindows();
            out.println("The demo sites are at " + workspace.startDemo() + " (Deft Shop, Deft Mail, Deft Account); "
                    + requests.size() + " requests follow" + (windowless ? ", in a browser without a window." : "."));
            Terminal terminal = context.terminal();
            ApprovalGate gate = terminal.interactive() ? new TerminalApprovalGate(terminal, context.clock())
                    : new RefusingApprovalGate("nobody (no terminal or window to ask)", context.clock());
            Map<RunStatus, Integer> ended = new EnumMap<>(RunStatus.class);
            for (String request : requests) {
                out.println();
                RunSpec spec = RunSpec.builder(request).planner(RunSpec.PlannerChoice.COMMAND).maxSteps(30)
                        .surface(RunSpec.SurfaceChoice.BROWSER).headless(windowless).incognito(true).build();
                RunResult result = workspace.run(spec, gate, new TextEventPrinter(out), new RunControl());
                ended.merge(result.status(), 1, Integer::sum);
                out.flush();
            }
            out.println();
            out.println(summary(requests.size(), ended));
            return ended.getOrDefault(RunStatus.FAILED, 0) > 0 ? DeftCli.FAILED : DeftCli.DONE;
        }
    }

    /** One line: how the tour went, and what to do next. */
    static String summary(int requests, Map<RunStatus, Integer> ended) {
        int done = ended.getOrDefault(RunStatus.DONE, 0);
        int rejected = ended.getOrDefault(RunStatus.REJECTED, 0);
        int failed = requests - done - rejected;
        return String.format(Locale.ROOT, "Tour over: %d requests, %d done, %d stopped at an approval, %d failed. "
                + "Try your own with: deft run \"open the shop and search for teapot\"", requests, done, rejected, failed);
    }
}
