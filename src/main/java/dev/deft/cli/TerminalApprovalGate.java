package dev.deft.cli;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks the person at the terminal: prints the card (what will happen, the exact payload) and waits for y or n.
 * Anything but yes is no; so is the end of input.
 */
final class TerminalApprovalGate implements ApprovalGate {
    private final Terminal terminal;
    private final Clock clock;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "deft-terminal");
        thread.setDaemon(true);
        return thread;
    });

    TerminalApprovalGate(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        var err = terminal.err();
        err.println();
        err.println("Approval needed: " + request.risk() + " (step " + request.step() + ", " + request.surface() + ")");
        err.println("  " + request.summary());
        request.payload().forEach((key, value) -> err.println("  " + key + ": " + value));
        err.print("Approve? [y/N] ");
        err.flush();
        return CompletableFuture.supplyAsync(() -> {
            String answer = readLine().orElse("").strip().toLowerCase(Locale.ROOT);
            boolean yes = answer.equals("y") || answer.equals("yes");
            return yes ? ApprovalDecision.approve("person at the terminal", clock.instant())
                    : ApprovalDecision.reject("person at the terminal", clock.instant());
        }, reader);
    }

    @Override
    public CompletableFuture<Optional<String>> ask(String run, String question) {
        terminal.err().print(question + " ");
        terminal.err().flush();
        return CompletableFuture.supplyAsync(() -> readLine().map(String::strip).filter(s -> !s.isEmpty()), reader);
    }

    private Optional<String> readLine() {
        try {
            return Optional.ofNullable(terminal.in().readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
