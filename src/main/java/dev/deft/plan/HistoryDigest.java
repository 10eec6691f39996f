package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Outcome;
import dev.deft.core.StepResult;
import dev.deft.safety.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The run so far as a model reads it, kept short as the run grows: the latest steps in full (what was read is
 * fenced as untrusted, being page text), older ones one line each, the oldest left out past a budget.
 */
final class HistoryDigest {
    private final int recentInFull;
    private final int maxChars;

    HistoryDigest(int recentInFull, int maxChars) {
        this.recentInFull = recentInFull;
        this.maxChars = maxChars;
    }

    String render(List<StepResult> history) {
        if (history.isEmpty()) {
            return "None yet.";
        }
        List<String> lines = new ArrayList<>();
        int firstInFull = Math.max(0, history.size() - recentInFull);
        for (int i = history.size() - 1; i >= 0; i--) {
            String line = i >= firstInFull ? full(history.get(i)) : brief(history.get(i));
            int used = lines.stream().mapToInt(l -> l.length() + 1).sum();
            if (used + line.length() > maxChars && !lines.isEmpty()) {
                lines.add(0, "(" + (i + 1) + " earlier step" + (i == 0 ? "" : "s") + " left out)");
                break;
            }
            lines.add(0, line);
        }
        return String.join("\n", lines);
    }

    private static String brief(StepResult step) {
        return step.step() + ". " + cut(step.action().describe(), 100) + " → " + status(step.outcome());
    }

    private static String full(StepResult step) {
        StringBuilder line = new StringBuilder();
        line.append(step.step()).append(". ").append(cut(step.action().describe(), 300))
                .append(" [").append(step.risk()).append("] → ").append(status(step.outcome()));
        if (!step.outcome().detail().isBlank()) {
            line.append(": ").append(cut(step.outcome().detail(), 300));
        }
        if (step.outcome() instanceof Outcome.Done done && done.value().isPresent()) {
            String value = cut(done.value().get(), 1500);
            if (step.action() instanceof Action.AskUser) {
                line.append("\n   The person answered: " + value);
            } else if (step.action() instanceof Action.CallTool call) {
                line.append("\n   The tool answered:\n" + UntrustedText.fence("tool " + call.server(), value));
            } else {
                line.append("\n   It read:\n" + UntrustedText.fence("page", value));
            }
        }
        return line.toString();
    }

    private static String status(Outcome outcome) {
        if (outcome instanceof Outcome.Done) return "done";
        if (outcome instanceof Outcome.Rejected) return "not approved";
        return "FAILED";
    }

    private static String cut(String text, int max) {
        String line = text.strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
