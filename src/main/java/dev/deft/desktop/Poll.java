package dev.deft.desktop;

import dev.deft.core.DeftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waiting without fixed sleeps: asks a condition again and again until it answers or the time is up, then says what
 * it waited for and the last thing it saw. Pauses between tries are interruptible, so the kill switch stops a wait.
 */
final class Poll {
    /** How long to rest between two looks: short, since every look already takes a while on a real screen. */
    static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /**
     * The condition's first answer.
     *
     * @param what     what is waited for, for the message: {@code "the window \"galculator\" to show"}
     * @param lastSeen says what the last look saw when time runs out, given the last failure (or null)
     */
    static <T> T until(Clock clock, Duration timeout, String what, Supplier<Optional<T>> condition,
                       Function<RuntimeException, String> lastSeen) {
        Instant deadline = clock.instant().plus(timeout);
        RuntimeException lastFailure = null;
        while (true) {
            Stopped.check("waiting for " + what);
            try {
                Optional<T> answer = condition.get();
                if (answer.isPresent()) {
                    return answer.get();
                }
                lastFailure = null;
            } catch (Stopped e) {
                throw e;
            } catch (DeftException e) {
                lastFailure = e;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new DeftException.Retriable("Waited " + seconds(timeout) + " for " + what + ": "
                        + lastSeen.apply(lastFailure));
            }
            pause(what);
        }
    }

    static void pause(String what) {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            throw Stopped.from(e, "waiting for " + what);
        }
    }

    static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
    }
}
