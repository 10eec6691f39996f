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
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;

/**
 * The window as the run's {@link ApprovalGate}: each request becomes an approval card, whose buttons complete the
 * future the run waits on. A question from the planner is asked in a small dialog; closing it answers nothing, and
 * its Take over button pauses the run for the person to do it themselves.
 */
final class WindowApprovalGate implements ApprovalGate {
    static final String TOOK_OVER = "The person is doing this themselves in the browser (Take over); look at the page "
            + "again when the run resumes.";
    private final Consumer<PendingApproval> card;
    private final Supplier<Optional<String>> screenshot;
    private final Clock clock;
    private final Runnable takeOver;

    /**
     * @param card       shows a pending approval (called on the JavaFX thread)
     * @param screenshot the latest screenshot of the run that asks
     * @param takeOver   pauses the run for the person, when they answer a question by doing it themselves
     */
    WindowApprovalGate(Consumer<PendingApproval> card, Supplier<Optional<String>> screenshot, Clock clock,
                       Runnable takeOver) {
        this.card = card;
        this.screenshot = screenshot;
        this.clock = clock;
        this.takeOver = takeOver;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        CompletableFuture<ApprovalDecision> answer = new CompletableFuture<>();
        // the page with what the step acts on outlined, where the surface could make one; else the latest step's
        PendingApproval pending = new PendingApproval(request,
                request.picture().map(Object::toString).or(screenshot), answer, clock);
        Platform.runLater(() -> card.accept(pending));
        return answer;
    }

    @Override
    public CompletableFuture<Optional<String>> ask(String run, String question) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            // a login, a code or a CAPTCHA is easier done than said: Take over pauses the run for the person
            TextInputDialog dialog = new TextInputDialog();
            ButtonType doIt = new ButtonType("Take over", ButtonBar.ButtonData.LEFT);
            dialog.getDialogPane().getButtonTypes().add(doIt);
            dialog.setTitle("Deft asks");
            dialog.setHeaderText(question);
            dialog.setContentText("Answer, or Take over to do it yourself in the browser and then Resume:");
            dialog.setResultConverter(button -> {
                if (button == doIt) {
                    takeOver.run();
                    return TOOK_OVER;
                }
                return button == ButtonType.OK ? dialog.getEditor().getText() : null;
            });
            dialog.setOnHidden(e -> answer.complete(Optional.ofNullable(dialog.getResult()).map(String::strip)
                    .filter(s -> !s.isEmpty())));
            dialog.show();
        });
        return answer;
    }
}
