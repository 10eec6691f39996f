package dev.deft.cli;

import dev.deft.core.RunJournal.RunSummary;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deft history}: the latest runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List past runs, newest first.")
final class HistoryCommand implements Callable<Integer> {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    private CommandSpec spec;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    private int last;

    @Option(names = "--json", description = "One JSON object per run.")
    private boolean json;

    private final CliContext context;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (last < 1) {
            throw new ParameterException(spec.commandLine(), "--last must be at least 1, was " + last);
        }
        PrintWriter out = context.terminal().out();
        try (Workspace workspace = context.opener().open()) {
            List<RunSummary> runs = workspace.journal().recent(last);
            if (runs.isEmpty() && !json) {
                out.println("No runs yet. Try: deft run \"finish\"");
            }
            for (RunSummary run : runs) {
                out.println(json ? Json.write(fields(run)) : String.format("%-20s  %-11s  %9s  %s  %s",
                        run.id(), run.status().wire(), TextEventPrinter.count(run.steps(), "step"),
                        WHEN.format(run.startedAt()), shorten(run.request())));
            }
        }
        return DeftCli.DONE;
    }

    static Map<String, Object> fields(RunSummary run) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run", run.id());
        fields.put("request", run.request());
        fields.put("planner", run.planner());
        fields.put("status", run.status().wire());
        fields.put("summary", run.summary());
        fields.put("steps", run.steps());
        fields.put("llm_calls", run.llmCalls());
        fields.put("input_tokens", run.tokens().input());
        fields.put("output_tokens", run.tokens().output());
        fields.put("started_at", run.startedAt().toString());
        fields.put("finished_at", run.finishedAt().map(Object::toString).orElse(null));
        return fields;
    }

    private static String shorten(String request) {
        String oneLine = request.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 69) + "…";
    }
}
