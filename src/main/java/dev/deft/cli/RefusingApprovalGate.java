package dev.deft.cli;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Says no to every approval without asking: {@code --approve deny}, or no person there to ask. */
final class RefusingApprovalGate implements ApprovalGate {
    private final String by;
    private final Clock clock;

    RefusingApprovalGate(String by, Clock clock) {
        this.by = by;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        return CompletableFuture.completedFuture(ApprovalDecision.reject(by, clock.instant()));
    }
}
