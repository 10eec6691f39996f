package dev.deft.llm;

import dev.deft.core.Require;
import dev.deft.core.Sleeper;
import java.time.Duration;

/**
 * How a provider tries again after a rate limit (429), an overloaded or failing server (5xx) or a timeout: up to
 * {@code attempts} tries, waiting what the server's {@code Retry-After} asks, or else {@code first}, doubling up to
 * {@code longest}. A server that asks for more than {@code longest} is not waited for.
 */
public record Backoff(int attempts, Duration first, Duration longest, Sleeper sleeper) {
    public Backoff {
        Require.positive(attempts, "attempts");
        Require.nonNull(first, "first");
        Require.nonNull(longest, "longest");
        Require.nonNull(sleeper, "sleeper");
        if (first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= first <= longest, was " + first + ", " + longest);
        }
    }

    public static Backoff standard() {
        return new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Sleeper.SYSTEM);
    }

    public Backoff withSleeper(Sleeper other) {
        return new Backoff(attempts, first, longest, other);
    }

    public Backoff withAttempts(int tries) {
        return new Backoff(tries, first, longest, sleeper);
    }

    /** The wait before try {@code next} (2, 3, …) when the server did not say. */
    public Duration before(int next) {
        long millis = first.toMillis() << Math.min(20, Math.max(0, next - 2));
        return Duration.ofMillis(Math.min(millis, longest.toMillis()));
    }
}
