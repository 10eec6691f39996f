package dev.deft.cli;

import dev.deft.core.DeftException;
import dev.deft.core.SkillBook;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deft record NAME}: a person does a task once in a visible browser, and it becomes a skill. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a skill: do the task once in the browser window, then press Enter here.")
final class RecordCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The skill's name: lower-case words joined by '-'.")
    private String name;

    @Option(names = "--start-url", paramLabel = "URL", defaultValue = "about:blank", description = "Where to start.")
    private String startUrl;

    @Option(names = "--desktop", description = "Record on the desktop (any application) instead of in a browser.")
    private boolean desktop;

    @Option(names = "--launch", paramLabel = "APP", description = "With --desktop: the application to start first.")
    private String launch;

    @Option(names = "--example", paramLabel = "PHRASING",
            description = "A request that asks for the skill, with {slots} named after the fields, e.g. \"email {to} about {subject}\".")
    private List<String> examples = new ArrayList<>();

    private final CliContext context;

    RecordCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Terminal terminal = context.terminal();
        PrintWriter out = terminal.out();
        if (!terminal.interactive()) {
            throw new DeftException.Configuration("Recording needs a person at a terminal to say when the task is done; "
                    + "run deft record in one, or use Record in the app.");
        }
        try (Workspace workspace = context.opener().open()) {
            if (!workspace.canShowWindows()) {
                throw new DeftException.Configuration("Recording needs a screen to show the browser on (no DISPLAY is set).");
            }
            try (Workspace.Recording recording = desktop
                    ? workspace.recordDesktop(name, java.util.Optional.ofNullable(launch), examples)
                    : workspace.record(name, startUrl, examples)) {
                out.println("Recording " + name + ". Do the task " + (desktop ? "on the desktop" : "in the browser window")
                        + ", then press Enter here to save it (Ctrl+C keeps nothing).");
                out.flush();
                terminal.in().readLine();
                SkillBook.Entry skill = recording.save();
                out.println("Saved the skill " + skill.name() + ": " + skill.steps() + " steps, in " + skill.source() + ".");
                skill.parameters().forEach(p -> out.println("  {" + p.name() + "}  " + p.type()
                        + (p.example().isEmpty() ? "" : "  e.g. " + p.example())));
                out.println("Run it with: deft skills run " + skill.name() + skill.parameters().stream()
                        .filter(p -> !p.type().equals("secret")).map(p -> " " + p.name() + "=…").reduce("", String::concat)
                        + ", or ask: \"" + skill.examples().get(0) + "\"");
            }
        }
        return DeftCli.DONE;
    }
}
