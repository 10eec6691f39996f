package dev.deft.core;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a person says yes or no. An approval is a future that the card (or the terminal) completes;
 * closing the card, or having no one to ask, means no.
 */
public interface ApprovalGate {

    CompletableFuture<ApprovalDecision> request(ApprovalRequest request);

    /** Ask the person a question; empty when no one can answer. */
    default CompletableFuture<Optional<String>> ask(String run, String question) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
