package dev.deft.browser;

import dev.deft.core.DeftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a timeout passes, never sleeping a fixed time for its own sake. On timeout it
 * says what it waited for and the last thing that went wrong. Clock and sleeper are injected so tests run on fake time.
 */
final class Waiter {

    /** How the waiter pauses between polls. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
    }

    /** One poll's answer: the value, or why there is none yet. */
    sealed interface Probe<T> {
        record Ready<T>(T value) implements Probe<T> {
        }

        record NotYet<T>(String why) implements Probe<T> {
        }

        static <T> Probe<T> ready(T value) {
            return new Ready<>(value);
        }

        static <T> Probe<T> notYet(String why) {
            return new NotYet<>(why);
        }
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;

    Waiter(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    static Waiter system() {
        return new Waiter(Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofMillis(50));
    }

    /**
     * Polls {@code probe} until it is ready; throws a retriable {@link DeftException} naming {@code what} once
     * {@code timeout} has passed. A probe is always tried at least once, even with a zero timeout.
     */
    <T> T until(String what, Duration timeout, Supplier<Probe<T>> probe) {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = interval;
        while (true) {
            Probe<T> answer = probe.get();
            if (answer instanceof Probe.Ready<T> ready) {
                return ready.value();
            }
            String why = ((Probe.NotYet<T>) answer).why();
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new DeftException.Retriable(timedOut(what, timeout, why));
            }
            try {
                Duration left = Duration.between(now, deadline);
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeftException("Stopped while waiting for " + what + ".", e);
            }
            // Poll quickly at first, then back off a little, as a person glancing at a page would.
            pause = pause.multipliedBy(3).dividedBy(2).compareTo(Duration.ofMillis(250)) > 0
                    ? Duration.ofMillis(250) : pause.multipliedBy(3).dividedBy(2);
        }
    }

    private static String timedOut(String what, Duration timeout, String why) {
        String seconds = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
        return "Waited " + seconds + " for " + what + (why == null || why.isBlank() ? "." : "; " + why + ".");
    }
}
