package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting on fake time: polls until ready, and on timeout says what it waited for and what was last wrong. */
class PollingTest {
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private Polling polling() {
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return new Polling(clock, pause -> now = now.plus(pause), Duration.ofMillis(50), Duration.ofMillis(250));
    }

    @Test
    void returnsTheValueOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        String value = polling().until("the third poll", Duration.ofSeconds(5),
                () -> polls.incrementAndGet() < 3 ? Polling.Probe.notYet("not yet") : Polling.Probe.ready("ready"));

        assertThat(value).isEqualTo("ready");
        assertThat(polls).hasValue(3);
    }

    @Test
    void timesOutSayingWhatItWaitedForAndTheLastProblem() {
        Instant start = now;

        assertThatThrownBy(() -> polling().until("the button \"Pay\" to be enabled", Duration.ofSeconds(2),
                () -> Polling.Probe.notYet("it is disabled")))
                .isInstanceOf(DeftException.Retriable.class)
                .hasMessage("Waited 2 s for the button \"Pay\" to be enabled; it is disabled.");
        assertThat(Duration.between(start, now)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aStoppedThreadStopsTheWaitSayingWhatItWaitedFor() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> polling().until("the page to load", Duration.ofSeconds(2),
                    () -> Polling.Probe.notYet("it is loading")))
                    .isInstanceOf(Stopped.class).hasMessage("Stopped while waiting for the page to load.");
        } finally {
            Thread.interrupted();
        }
    }
}
