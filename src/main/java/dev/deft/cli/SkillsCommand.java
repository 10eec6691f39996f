package dev.deft.cli;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.core.RunJournal;
import dev.deft.core.SkillBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deft skills list|show|run|import|export|delete}: the skill library. */
@Command(name = "skills", mixinStandardHelpOptions = true, description = "List, show, run, import, export and delete skills.",
        subcommands = {SkillsCommand.ListSkills.class, SkillsCommand.Show.class, SkillsCommand.Run.class,
                SkillsCommand.Import.class, SkillsCommand.Export.class, SkillsCommand.Delete.class})
final class SkillsCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: list, show, run, import, export or delete");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The skills Deft knows.")
    static final class ListSkills implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--json", description = "One JSON object per skill.")
        private boolean json;

        private final CliContext context;

        ListSkills(CliContext context) {
            this.context = context;
        }

        /** How each skill's runs went, from the journal; none when the journal cannot be read (the list still can). */
        private static Map<String, RunJournal.SkillTally> tallies(Workspace workspace) {
            try {
                return workspace.journal().skillTallies();
            } catch (dev.deft.core.DeftException e) {
                return Map.of();
            }
        }

        @Override
        public Integer call() {
            PrintWriter out = context.terminal().out();
            try (Workspace workspace = context.opener().open()) {
                SkillBook book = workspace.skills();
                List<SkillBook.Entry> skills = book.skills();
                Map<String, RunJournal.SkillTally> tallies = tallies(workspace);
                if (skills.isEmpty() && !json) {
                    out.println("No skills yet. Record one with: deft record NAME --start-url URL");
                }
                for (SkillBook.Entry skill : skills) {
                    if (json) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("name", skill.name());
                        fields.put("description", skill.description());
                        fields.put("examples", skill.examples());
                        fields.put("parameters", skill.parameters().stream().map(SkillParameterFields::of).toList());
                        fields.put("steps", skill.steps());
                        fields.put("built_in", skill.builtIn());
                        fields.put("file", skill.source());
                        RunJournal.SkillTally tally = tallies.get(skill.name());
                        fields.put("runs", tally == null ? 0 : tally.runs());
                        fields.put("runs_done", tally == null ? 0 : tally.done());
                        out.println(Json.write(fields));
                    } else {
                        RunJournal.SkillTally tally = tallies.get(skill.name());
                        out.println(String.format("%-24s %-9s %s%s", skill.name(), skill.builtIn() ? "built-in" : "yours",
                                skill.description().isBlank() ? skill.examples().get(0) : skill.description(),
                                tally == null ? "" : "  (" + tally.done() + " of " + tally.runs() + " runs done)"));
                        out.println(String.format("%-24s %-9s e.g. \"%s\"%s", "", "", skill.examples().get(0),
                                skill.parameters().isEmpty() ? "" : "  (" + String.join(", ",
                                        skill.parameters().stream().map(p -> p.name() + ":" + p.type()).toList()) + ")"));
                    }
                }
                for (String problem : book.problems()) {
                    context.terminal().err().println("deft: skipped " + problem);
                }
            }
            return DeftCli.DONE;
        }
    }

    /** A parameter as {@code --json} lists it. */
    private static final class SkillParameterFields {
        static Map<String, Object> of(SkillBook.Parameter p) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", p.name());
            fields.put("type", p.type());
            fields.put("required", p.required());
            fields.put("example", p.example());
            if (!p.choices().isEmpty()) {
                fields.put("choices", p.choices());
            }
            return fields;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a skill's file.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        private String name;

        private final CliContext context;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                String json = workspace.skills().show(name).orElseThrow(() -> new DeftException.Configuration(
                        "There is no skill named " + name + "; see `deft skills list`."));
                context.terminal().out().print(json);
            }
            return DeftCli.DONE;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a skill with parameter values, or once per row of a CSV file.")
    static final class Run implements java.util.concurrent.Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        /** What picocli gives a KEY without {@code =VALUE}: NUL, which no command-line argument can hold. */
        private static final String NO_VALUE = "\u0000";

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", mapFallbackValue = NO_VALUE, description = "Parameter values.")
        private Map<String, String> given = new LinkedHashMap<>();

        @Option(names = "--rows", paramLabel = "FILE.csv", description = "Run once per row; the header names the parameters.")
        private Path rows;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Rows at once (default: ${DEFAULT-VALUE}).")
        private int parallel;

        @Option(names = "--grid", paramLabel = "URL", description = "Run the browsers on this Selenium Grid.")
        private String grid;

        @Option(names = "--headless", description = "Run the browser without a window.")
        private boolean headless;

        @Option(names = "--json", description = "Print one JSON object per event on standard output.")
        private boolean json;

        @Option(names = "--approve", paramLabel = "ask|deny", defaultValue = "ask",
                description = "Ask before SEND, PAY, DELETE and ACCOUNT steps, or refuse them (default: ${DEFAULT-VALUE}).")
        private TerminalRun.ApproveMode approve;

        @Option(names = "--max-steps", paramLabel = "N", defaultValue = "60", description = "Steps at most (default: ${DEFAULT-VALUE}).")
        private int maxSteps;

        private final CliContext context;

        Run(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (parallel < 1) {
                throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, was " + parallel);
            }
            given.forEach((key, value) -> {
                if (key.isBlank() || value.equals(NO_VALUE)) {
                    throw new ParameterException(spec.commandLine(), "a parameter is KEY=VALUE, not \""
                            + (value.equals(NO_VALUE) ? key : key + "=" + value) + "\"");
                }
            });
            if (rows == null) {
                RunSpec run = runSpec(given, false);
                return TerminalRun.run(context, json, approve, (workspace, gate, printer, control) ->
                        workspace.runSkill(name, given, run, gate, printer, control));
            }
            List<Map<String, String>> table = CsvRows.read(rows);
            return runRows(table, given);
        }

        private RunSpec runSpec(Map<String, String> given, boolean throwAwayProfile) {
            StringBuilder request = new StringBuilder("skill ").append(name);
            given.forEach((k, v) -> request.append(' ').append(k).append('=').append(v.contains(" ") ? "\"" + v + "\"" : v));
            return RunSpec.builder(request.toString()).planner(RunSpec.PlannerChoice.SKILL).maxSteps(maxSteps)
                    .headless(headless).grid(grid).incognito(throwAwayProfile).build();
        }

        /** Each row its own journalled run, {@code parallel} at a time; one line per row and a summary. */
        private int runRows(List<Map<String, String>> table, Map<String, String> common) {
            PrintWriter out = context.terminal().out();
            try (Workspace workspace = context.opener().open()) {
                ApprovalGate gate = oneAtATime(TerminalRun.gate(context, approve));
                RunListener printer = json ? new JsonEventPrinter(out) : RunListener.NONE;
                RunControl control = new RunControl();
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, table.size())));
                List<Future<RunResult>> runs = new ArrayList<>();
                try (CtrlC ctrlC = CtrlC.stops(control)) {
                    for (Map<String, String> row : table) {
                        Map<String, String> values = new LinkedHashMap<>(common);
                        values.putAll(row);
                        // parallel browsers cannot share one profile: each row gets a throw-away one
                        RunSpec run = runSpec(values, parallel > 1 || grid != null);
                        runs.add(pool.submit(() -> workspace.runSkill(name, values, run, gate, printer, control)));
                    }
                    int done = 0;
                    List<Integer> failed = new ArrayList<>();
                    for (int i = 0; i < runs.size(); i++) {
                        RunResult result = outcome(runs.get(i), i + 1, out);
                        if (result != null && result.status() == RunStatus.DONE) {
                            done++;
                        } else {
                            failed.add(i + 1);
                        }
                    }
                    String summary = done + " of " + runs.size() + " rows done" + (failed.isEmpty() ? "."
                            : "; not done: row" + (failed.size() == 1 ? " " : "s ") + String.join(", ",
                            failed.stream().map(String::valueOf).toList()) + ".");
                    if (json) {
                        out.println(Json.write(Map.of("event", "rows_finished", "rows", runs.size(), "done", done,
                                "failed", failed)));
                    } else {
                        out.println(summary);
                    }
                    return failed.isEmpty() ? DeftCli.DONE : DeftCli.FAILED;
                } finally {
                    pool.shutdownNow();
                }
            }
        }

        private RunResult outcome(Future<RunResult> run, int row, PrintWriter out) {
            try {
                RunResult result = run.get();
                if (!json) {
                    out.println("row " + row + ": " + result.status().wire() + " — " + result.summary() + " (run "
                            + result.run() + ")");
                }
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                String why = Brief.firstLine(e.getCause() == null ? String.valueOf(e) : e.getCause().getMessage(),
                        "unknown error");
                out.println(json ? Json.write(Map.of("event", "row_failed", "row", row, "error", why))
                        : "row " + row + ": not run — " + why);
                return null;
            }
        }

        /** A person answers one approval at a time, whichever row asks. */
        private static ApprovalGate oneAtATime(ApprovalGate gate) {
            return new ApprovalGate() {
                @Override
                public synchronized CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                    return CompletableFuture.completedFuture(gate.request(request).join());
                }

                @Override
                public synchronized CompletableFuture<Optional<String>> ask(String run, String question) {
                    return CompletableFuture.completedFuture(gate.ask(run, question).join());
                }
            };
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Add a skill file to your skills.")
    static final class Import implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        private Path file;

        private final CliContext context;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                SkillBook.Entry skill = workspace.skills().importFile(file);
                context.terminal().out().println("Imported the skill " + skill.name() + " (" + skill.steps() + " steps).");
            }
            return DeftCli.DONE;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a skill's file elsewhere.")
    static final class Export implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Parameters(index = "1", paramLabel = "FILE")
        private Path file;

        private final CliContext context;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                workspace.skills().export(name, file);
                context.terminal().out().println("Wrote the skill " + name + " to " + file + ".");
            }
            return DeftCli.DONE;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one of your skills.")
    static final class Delete implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        private String name;

        private final CliContext context;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                if (!workspace.skills().delete(name)) {
                    throw new DeftException.Configuration("There is no skill of yours named " + name + ".");
                }
                context.terminal().out().println("Deleted the skill " + name + ".");
            }
            return DeftCli.DONE;
        }
    }
}
