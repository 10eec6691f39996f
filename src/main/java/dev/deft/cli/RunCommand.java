package dev.deft.cli;

import dev.deft.core.RunSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deft run "REQUEST"}: does one request and exits 0 done, 1 failed, 2 bad usage, 3 rejected. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Do what REQUEST says.")
final class RunCommand implements Callable<Integer> {

    enum Provider { OPENAI, ANTHROPIC, OLLAMA }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REQUEST", description = "What to do, in plain words.")
    private String request;

    @Option(names = "--start-url", paramLabel = "URL", description = "Start on this page.")
    private String startUrl;

    @Option(names = "--headless", description = "Run the browser without a window.")
    private boolean headless;

    @Option(names = "--json", description = "Print one JSON object per event on standard output.")
    private boolean json;

    @Option(names = "--planner", paramLabel = "auto|command|skill|llm", defaultValue = "auto",
            description = "Who decides the steps (default: ${DEFAULT-VALUE}).")
    private RunSpec.PlannerChoice planner;

    @Option(names = "--provider", paramLabel = "openai|anthropic|ollama", description = "The language model's provider.")
    private Provider provider;

    @Option(names = "--model", paramLabel = "NAME", description = "The language model to use.")
    private String model;

    @Option(names = "--approve", paramLabel = "ask|deny", defaultValue = "ask",
            description = "Ask before SEND, PAY, DELETE and ACCOUNT steps, or refuse them (default: ${DEFAULT-VALUE}).")
    private TerminalRun.ApproveMode approve;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "30", description = "Steps at most (default: ${DEFAULT-VALUE}).")
    private int maxSteps;

    @Option(names = "--surface", paramLabel = "auto|browser|desktop", defaultValue = "auto",
            description = "Where to act (default: ${DEFAULT-VALUE}).")
    private RunSpec.SurfaceChoice surface;

    @Option(names = "--browser", paramLabel = "NAME|PATH", description = "A Chromium-family browser by name or path.")
    private String browser;

    @Option(names = "--grid", paramLabel = "URL", description = "Run the browser on this Selenium Grid.")
    private String grid;

    @Option(names = "--profile", paramLabel = "DIR", description = "Use this browser profile folder.")
    private Path profile;

    @Option(names = "--incognito", description = "Use a throw-away browser profile.")
    private boolean incognito;

    private final CliContext context;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunSpec runSpec = validated();
        return TerminalRun.run(context, json, approve, (workspace, gate, printer, control) ->
                workspace.run(runSpec, gate, printer, control));
    }

    private RunSpec validated() {
        if (maxSteps < 1) {
            throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, was " + maxSteps);
        }
        if (profile != null && incognito) {
            throw new ParameterException(spec.commandLine(), "--profile and --incognito cannot be used together");
        }
        return RunSpec.builder(request).planner(planner)
                .provider(provider == null ? null : provider.name().toLowerCase(java.util.Locale.ROOT)).model(model)
                .maxSteps(maxSteps).surface(surface).startUrl(startUrl).headless(headless).browser(browser).grid(grid)
                .profile(profile).incognito(incognito).build();
    }

}
