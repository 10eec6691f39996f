package dev.deft.core;

import java.time.Duration;

/**
 * The bounds of one run.
 *
 * @param maxSteps      steps at most, retries not counted
 * @param stepTimeout   how long one action may take on its surface (waiting for a person is not counted)
 * @param runTimeout    how long the whole run may take
 * @param attempts      tries of one retriable step before it counts as failed
 * @param maxFailures   failed steps in a row before the run gives up
 */
public record RunLimits(int maxSteps, Duration stepTimeout, Duration runTimeout, int attempts, int maxFailures) {
    public RunLimits {
        Require.positive(maxSteps, "maxSteps");
        Require.nonNull(stepTimeout, "stepTimeout");
        Require.nonNull(runTimeout, "runTimeout");
        Require.positive(attempts, "attempts");
        Require.positive(maxFailures, "maxFailures");
    }

    public static RunLimits defaults() {
        return new RunLimits(30, Duration.ofSeconds(60), Duration.ofMinutes(30), 2, 3);
    }

    public RunLimits withMaxSteps(int steps) {
        return new RunLimits(steps, stepTimeout, runTimeout, attempts, maxFailures);
    }

    public RunLimits withStepTimeout(Duration timeout) {
        return new RunLimits(maxSteps, timeout, runTimeout, attempts, maxFailures);
    }

    public RunLimits withRunTimeout(Duration timeout) {
        return new RunLimits(maxSteps, stepTimeout, timeout, attempts, maxFailures);
    }
}
