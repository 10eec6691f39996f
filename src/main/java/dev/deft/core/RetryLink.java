package dev.deft.core;

import java.time.Clock;
import java.util.Optional;

/**
 * Tries a step again when it failed in a way that may pass (a timeout, a stale element), up to the run's limit.
 * Steps that needed approval are never repeated: the person approved one attempt, and a second could pay twice.
 * A step that waits for a yes ({@link Outcome.NeedsApproval}) goes back to the approval link as it is.
 */
final class RetryLink implements StepInterceptor {
    private final int attempts;
    private final RunListener listener;
    private final Clock clock;
    private final RunControl control;

    RetryLink(int attempts, RunListener listener, Clock clock, RunControl control) {
        this.attempts = attempts;
        this.listener = listener;
        this.clock = clock;
        this.control = control;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Step step = chain.step();
        int allowed = step.risk().needsApproval() || step.approval().isPresent() ? 1 : attempts;
        for (int attempt = 1; ; attempt++) {
            long started = clock.millis();
            Outcome outcome = chain.proceed(step);
            boolean again = outcome instanceof Outcome.Failed failed && failed.retriable()
                    && attempt < allowed && !control.isCancelled();
            if (!again) {
                return outcome;
            }
            listener.on(new RunEvent.StepFinished(step.run(), clock.instant(), step.number(), StepStatus.RETRIED,
                    clock.millis() - started, outcome.detail() + " (trying again)", Optional.empty(),
                    Optional.empty()));
        }
    }
}
