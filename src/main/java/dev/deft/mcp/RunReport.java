package dev.deft.mcp;

import dev.deft.core.RunJournal;
import dev.deft.safety.UntrustedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run from the journal as {@code read_run} answers it: lines for a model to read, and the same as structure. */
final class RunReport {
    private RunReport() {
    }

    static String line(RunJournal.RunSummary run) {
        return run.id() + "  " + run.status().wire() + "  " + run.request() + " → " + run.summary();
    }

    static Map<String, Object> summary(RunJournal.RunSummary run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run", run.id());
        summary.put("request", run.request());
        summary.put("planner", run.planner());
        summary.put("status", run.status().wire());
        summary.put("summary", run.summary());
        summary.put("steps", run.steps());
        summary.put("llm_calls", run.llmCalls());
        summary.put("started_at", run.startedAt().toString());
        run.finishedAt().ifPresent(at -> summary.put("finished_at", at.toString()));
        return summary;
    }

    static String text(RunJournal.RunRecord record) {
        RunJournal.RunSummary run = record.run();
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(run.id()).append(" (planner ").append(run.planner()).append("): ")
                .append(run.request()).append('\n')
                .append("Status: ").append(run.status().wire()).append(" — ").append(run.summary()).append('\n');
        for (RunJournal.StepRecord step : record.steps()) {
            text.append(step.step()).append(". ").append(step.action()).append(" [").append(step.risk()).append("] → ")
                    .append(step.status().map(s -> s.wire()).orElse("not finished"));
            if (!step.detail().isBlank()) {
                text.append(": ").append(step.detail());
            }
            text.append('\n');
            step.value().ifPresent(value -> text.append(UntrustedText.fence("step " + step.step(), value)).append('\n'));
        }
        for (RunJournal.ApprovalRecord approval : record.approvals()) {
            text.append("Approval for step ").append(approval.step()).append(" (").append(approval.risk()).append("): ")
                    .append(approval.approved().map(yes -> yes ? "approved" : "not approved").orElse("not answered"))
                    .append(approval.decidedBy().isBlank() ? "" : " by " + approval.decidedBy()).append('\n');
        }
        return text.toString().strip();
    }

    static Map<String, Object> structured(RunJournal.RunRecord record) {
        Map<String, Object> structured = summary(record.run());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (RunJournal.StepRecord step : record.steps()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("step", step.step());
            one.put("kind", step.kind());
            one.put("action", step.action());
            one.put("risk", step.risk().name());
            one.put("status", step.status().map(s -> s.wire()).orElse(""));
            one.put("detail", step.detail());
            step.value().ifPresent(v -> one.put("value", v));
            steps.add(one);
        }
        structured.put("step_list", steps);
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (RunJournal.ApprovalRecord approval : record.approvals()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("step", approval.step());
            one.put("risk", approval.risk().name());
            one.put("approved", approval.approved().orElse(null));
            one.put("by", approval.decidedBy());
            approvals.add(one);
        }
        structured.put("approvals", approvals);
        return structured;
    }
}
