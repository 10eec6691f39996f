package dev.deft.cli;

import dev.deft.core.DeftException;
import dev.deft.core.RunJournal.ApprovalRecord;
import dev.deft.core.RunJournal.RunRecord;
import dev.deft.core.RunJournal.StepRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deft show RUN_ID}: one run with its steps and approvals. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: its steps and approvals.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, or its beginning.")
    private String runId;

    @Option(names = "--json", description = "The run as one JSON object.")
    private boolean json;

    private final CliContext context;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.terminal().out();
        try (Workspace workspace = context.opener().open()) {
            RunRecord record = workspace.journal().find(runId).orElseThrow(() -> new DeftException.Configuration(
                    "No run \"" + runId + "\" in the journal; 'deft history' lists the runs there are."));
            if (json) {
                out.println(Json.write(fields(record)));
            } else {
                print(record, out);
            }
        }
        return DeftCli.DONE;
    }

    private static void print(RunRecord record, PrintWriter out) {
        var run = record.run();
        out.println("Run " + run.id() + "  " + run.status().wire() + "  (planner " + run.planner() + ", "
                + run.llmCalls() + " model calls)");
        out.println("Request:  " + run.request());
        out.println("Started:  " + HistoryCommand.WHEN.format(run.startedAt())
                + run.finishedAt().map(f -> "   finished: " + HistoryCommand.WHEN.format(f)).orElse(""));
        if (!run.summary().isBlank()) {
            out.println("Summary:  " + run.summary());
        }
        for (StepRecord step : record.steps()) {
            out.println(String.format("%3d. %s  [%s]  %s%s", step.step(), step.action(), step.risk(),
                    step.status().map(s -> s.wire() + " in " + step.millis() + " ms").orElse("not finished"),
                    step.detail().isBlank() ? "" : " — " + step.detail()));
            step.value().ifPresent(v -> out.println("     = " + v));
            step.screenshot().ifPresent(s -> out.println("     screenshot: " + s));
        }
        for (ApprovalRecord approval : record.approvals()) {
            out.println("Approval for step " + approval.step() + " (" + approval.risk() + "): "
                    + approval.approved().map(a -> (a ? "approved" : "rejected") + " by " + approval.decidedBy())
                    .orElse("never answered"));
        }
    }

    private static Map<String, Object> fields(RunRecord record) {
        Map<String, Object> fields = HistoryCommand.fields(record.run());
        fields.put("timeline", record.steps().stream().map(step -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", step.step());
            s.put("kind", step.kind());
            s.put("action", step.action());
            s.put("risk", step.risk().name());
            s.put("status", step.status().map(st -> st.wire()).orElse(null));
            s.put("millis", step.millis());
            s.put("detail", step.detail());
            s.put("value", step.value().orElse(null));
            s.put("screenshot", step.screenshot().orElse(null));
            return s;
        }).toList());
        fields.put("approvals", record.approvals().stream().map(approval -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("step", approval.step());
            a.put("risk", approval.risk().name());
            a.put("summary", approval.summary());
            a.put("approved", approval.approved().orElse(null));
            a.put("by", approval.decidedBy());
            return a;
        }).toList());
        return fields;
    }
}
