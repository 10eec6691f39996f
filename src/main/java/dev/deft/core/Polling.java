package dev.deft.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks a condition again and again until it holds or a timeout passes, never sleeping a fixed time for its own sake:
 * the one way Deft waits, in the browser, on the desktop and in the recorder. On timeout it says what it waited for
 * and the last thing it saw. A stopped thread stops the wait. Clock and sleeper are injected so tests run on fake time.
 *
 * @param first   the pause after the first try
 * @param longest the pause the pauses grow to (by half each time), as a person glancing at a page would
 */
public record Polling(Clock clock, Sleeper sleeper, Duration first, Duration longest) {

    /** One try's answer: the value, or why there is none yet. */
    public sealed interface Probe<T> {
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

    public Polling {
        Require.nonNull(clock, "clock");
        Require.nonNull(sleeper, "sleeper");
        Require.nonNull(first, "first");
        Require.nonNull(longest, "longest");
        if (first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("pauses must satisfy 0 <= first <= longest, were " + first + ", " + longest);
        }
    }

    /** Real time: 50 ms after the first try, growing to 250 ms. */
    public static Polling system() {
        return new Polling(Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofMillis(50), Duration.ofMillis(250));
    }

    /** On {@code clock}, the same pause between every two tries: for looks that take a while themselves. */
    public static Polling every(Clock clock, Duration pause) {
        return new Polling(clock, Sleeper.SYSTEM, pause, pause);
    }

    /**
     * Tries {@code probe} until it is ready, at least once even with a zero timeout.
     *
     * @param what what is waited for, for the message: {@code "the window \"galculator\" to show"}
     * @throws DeftException.Retriable once {@code timeout} has passed, naming {@code what} and the last reason
     * @throws Stopped                 when the thread is asked to stop meanwhile
     */
    public <T> T until(String what, Duration timeout, Supplier<Probe<T>> probe) {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = first;
        while (true) {
            Stopped.check("waiting for " + what);
            Probe<T> answer = probe.get();
            if (answer instanceof Probe.Ready<T> ready) {
                return ready.value();
            }
            String why = ((Probe.NotYet<T>) answer).why();
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new DeftException.Retriable(timedOut(what, timeout, why));
            }
            Duration left = Duration.between(now, deadline);
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                throw Stopped.from(e, "waiting for " + what);
            }
            Duration next = pause.multipliedBy(3).dividedBy(2);
            pause = next.compareTo(longest) > 0 ? longest : next;
        }
    }

    /**
     * Like {@link #until}, for a condition that answers a value or nothing. A {@link DeftException} it throws counts
     * as not yet (a window that went away while it was looked at), a {@link Stopped} ends the wait.
     *
     * @param lastSeen says what the last look saw, given the failure it ended with (or null)
     */
    public <T> T untilPresent(String what, Duration timeout, Supplier<Optional<T>> condition,
                              Function<RuntimeException, String> lastSeen) {
        return until(what, timeout, () -> {
            try {
                Optional<T> answer = condition.get();
                return answer.isPresent() ? Probe.ready(answer.get()) : Probe.notYet(lastSeen.apply(null));
            } catch (Stopped e) {
                throw e;
            } catch (DeftException e) {
                return Probe.notYet(lastSeen.apply(e));
            }
        });
    }

    private static String timedOut(String what, Duration timeout, String why) {
        String reason = why == null ? "" : why.strip().replaceAll("\\.+$", "");
        return "Waited " + Brief.seconds(timeout) + " for " + what + (reason.isEmpty() ? "." : "; " + reason + ".");
    }
}
