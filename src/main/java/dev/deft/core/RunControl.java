package dev.deft.core;

import java.util.concurrent.CompletableFuture;

/** Stops a run from another thread: the kill switch, Ctrl+C, a client's cancellation. */
public final class RunControl {
    private final CompletableFuture<String> cancelled = new CompletableFuture<>();

    /** Stops the run before its next action; an action under way is interrupted, a pending approval is refused. */
    public void cancel(String why) {
        cancelled.complete(why == null || why.isBlank() ? "stopped" : why);
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** Completes with the reason once the run is cancelled. */
    public CompletableFuture<String> whenCancelled() {
        return cancelled;
    }

    public String reason() {
        return cancelled.getNow("");
    }
}
