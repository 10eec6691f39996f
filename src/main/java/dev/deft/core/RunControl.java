package dev.deft.core;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stops a run from another thread (the kill switch, Ctrl+C, a client's cancellation), or pauses it while a person
 * takes over the surface, and lets it go on from what the surface shows then.
 */
public final class RunControl {
    private final CompletableFuture<String> cancelled = new CompletableFuture<>();
    private final Object pause = new Object();
    private String pausedBy;
    private String resumedBy = "";

    /** Stops the run before its next action; an action under way is interrupted, a pending approval is refused. */
    public void cancel(String why) {
        cancelled.complete(why == null || why.isBlank() ? "stopped" : why);
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    /**
     * Pauses the run before its next step, for {@code by} to act on the surface themselves; a step under way
     * finishes first. Pausing a paused run changes nothing.
     */
    public void pause(String by) {
        synchronized (pause) {
            if (pausedBy == null) {
                pausedBy = Require.nonBlank(by, "by");
            }
        }
    }

    /** Lets a paused run go on, saying who had the surface; the run looks at it afresh before it plans again. */
    public void resume(String by) {
        synchronized (pause) {
            if (pausedBy != null) {
                resumedBy = Require.nonBlank(by, "by");
                pausedBy = null;
                pause.notifyAll();
            }
        }
    }

    /** Who paused the run, while it is paused. */
    public Optional<String> pausedBy() {
        synchronized (pause) {
            return Optional.ofNullable(pausedBy);
        }
    }

    /**
     * Waits (on the run's thread) while the run is paused; a cancellation ends the wait too.
     *
     * @return who resumed it, or empty when it was cancelled instead
     */
    Optional<String> awaitResumed() throws InterruptedException {
        synchronized (pause) {
            while (pausedBy != null && !isCancelled()) {
                pause.wait();
            }
            return isCancelled() ? Optional.empty() : Optional.of(resumedBy);
        }
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
