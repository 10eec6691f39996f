package dev.deft.cli;

import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import dev.deft.core.StepStatus;
import java.io.PrintWriter;

/**
 * A run as a person follows it in a terminal: one line per step planned, one per step finished, and the model's
 * text as it writes it, indented under a {@code thinking:} label.
 */
final class TextEventPrinter implements RunListener {
    private static final String INDENT = "     ";
    private final PrintWriter out;
    private boolean thinking;

    TextEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void notice(String run, String message) {
        if (thinking) {
            out.println();
            thinking = false;
        }
        out.println(INDENT + "note: " + message);
        out.flush();
    }

    @Override
    public synchronized void modelText(String run, String fragment) {
        if (!thinking) {
            out.print(INDENT + "thinking: ");
            thinking = true;
        }
        out.print(fragment.replace("\n", "\n" + INDENT + "          "));
        out.flush();
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (thinking) {
            out.println();
            thinking = false;
        }
        if (event instanceof RunEvent.RunStarted e) {
            out.println("Run " + e.run() + " (planner " + e.planner() + "): " + e.request());
        } else if (event instanceof RunEvent.StepPlanned e) {
            out.println(String.format("%3d. %s  [%s]", e.step(), e.action().describe(), e.risk()));
        } else if (event instanceof RunEvent.StepFinished e) {
            String detail = e.detail().isBlank() ? "" : " — " + e.detail();
            String value = e.value().map(v -> "\n     = " + v).orElse("");
            out.println("     " + label(e.status()) + " in " + e.millis() + " ms" + detail + value);
        } else if (event instanceof RunEvent.ApprovalDecided e) {
            out.println("     " + (e.approved() ? "approved" : "rejected") + " by " + e.by());
        } else if (event instanceof RunEvent.RunFinished e) {
            String head = switch (e.status()) {
                case DONE -> "Done";
                case REJECTED -> "Rejected";
                default -> "Failed";
            };
            String tokens = e.tokens().total() > 0 ? ", " + e.tokens().input() + " + " + e.tokens().output() + " tokens" : "";
            out.println(head + ": " + e.summary() + " (" + count(e.steps(), "step") + ", " + count(e.llmCalls(), "model call")
                    + tokens + ")");
        }
        out.flush();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String label(StepStatus status) {
        return switch (status) {
            case DONE -> "done";
            case FAILED -> "FAILED";
            case RETRIED -> "failed, trying again";
            case REJECTED -> "not approved";
        };
    }
}
