package dev.deft.ui;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;

/**
 * The window as the run's {@link ApprovalGate}: each request becomes an approval card, whose buttons complete the
 * future the run waits on. A question from the planner is asked in a small dialog; closing it answers nothing.
 */
final class WindowApprovalGate implements ApprovalGate {
    private final Consumer<PendingApproval> card;
    private final Supplier<Optional<String>> screenshot;
    private final Clock clock;

    /**
     * @param card       shows a pending approval (called on the JavaFX thread)
     * @param screenshot the latest screenshot of the run that asks
     */
    WindowApprovalGate(Consumer<PendingApproval> card, Supplier<Optional<String>> screenshot, Clock clock) {
        this.card = card;
        this.screenshot = screenshot;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        CompletableFuture<ApprovalDecision> answer = new CompletableFuture<>();
        PendingApproval pending = new PendingApproval(request, screenshot.get(), answer, clock);
        Platform.runLater(() -> card.accept(pending));
        return answer;
    }

    @Override
    public CompletableFuture<Optional<String>> ask(String run, String question) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle("Deft asks");
            dialog.setHeaderText(question);
            dialog.setOnHidden(e -> answer.complete(Optional.ofNullable(dialog.getResult()).map(String::strip)
                    .filter(s -> !s.isEmpty())));
            dialog.show();
        });
        return answer;
    }
}
