package dev.deft.mcp;

import dev.deft.core.Observation;
import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import dev.deft.core.StepStatus;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the client how a run goes, one progress notification per thing that happened (a step planned, a step done,
 * an approval asked and answered), where the client asked for progress with a token. It also keeps what the run
 * last saw, for {@code observe_page}, and the notices of the run, for the tool's answer.
 */
final class ProgressReporter implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    /** What a run saw last. */
    record Seen(String run, Observation observation) {
    }

    private final McpSyncServerExchange exchange;
    private final Object token;
    private final AtomicReference<Seen> lastSeen;
    private final List<String> notices = new ArrayList<>();
    private int progress;

    /** @param token the client's progress token, or null where it asked for none */
    ProgressReporter(McpSyncServerExchange exchange, Object token, AtomicReference<Seen> lastSeen) {
        this.exchange = exchange;
        this.token = token;
        this.lastSeen = lastSeen;
    }

    @Override
    public void on(RunEvent event) {
        String line = line(event);
        if (!line.isEmpty()) {
            tell(line);
        }
    }

    @Override
    public void observed(String run, Observation observation) {
        lastSeen.set(new Seen(run, observation));
    }

    @Override
    public synchronized void notice(String run, String message) {
        notices.add(message);
        tell(message);
    }

    synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    private static String line(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            return "Run " + started.run() + " started (planner " + started.planner() + "): " + started.request();
        }
        if (event instanceof RunEvent.StepPlanned planned) {
            return "Step " + planned.step() + ": " + planned.action().describe() + " [" + planned.risk() + "]";
        }
        if (event instanceof RunEvent.ApprovalRequested asked) {
            return "Step " + asked.request().step() + " needs a person's approval (" + asked.request().risk() + "): "
                    + asked.request().summary();
        }
        if (event instanceof RunEvent.ApprovalDecided decided) {
            return "Step " + decided.step() + (decided.approved() ? " approved by " : " not approved: ") + decided.by();
        }
        if (event instanceof RunEvent.StepFinished finished) {
            String status = finished.status() == StepStatus.DONE ? "done" : finished.status().wire();
            return "Step " + finished.step() + " " + status + (finished.detail().isBlank() ? "" : ": " + finished.detail());
        }
        return "";
    }

    private synchronized void tell(String message) {
        if (token == null) {
            return;
        }
        progress++;
        try {
            exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) progress, null,
                    message, null));
        } catch (RuntimeException e) {
            // a client that stopped listening does not stop the run
            LOG.debug("Could not send progress to the client", e);
        }
    }
}
