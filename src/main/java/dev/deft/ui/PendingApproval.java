package dev.deft.ui;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An approval waiting for the person: the request, the screenshot of the page as it is, and the answer to
 * complete. Answering twice keeps the first answer.
 */
record PendingApproval(ApprovalRequest request, Optional<String> screenshot,
                       CompletableFuture<ApprovalDecision> answer, Clock clock) {
    static final String BY = "person at the window";

    void approve() {
        answer.complete(ApprovalDecision.approve(BY, clock.instant()));
    }

    void reject() {
        answer.complete(ApprovalDecision.reject(BY, clock.instant()));
    }
}
